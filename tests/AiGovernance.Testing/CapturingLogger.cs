using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AiGovernance.Testing;

/// <summary>Keeps every formatted log message (and exception text) so tests can check what reaches the logs.</summary>
public sealed class CapturingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, string Text)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
        Entries.Enqueue((logLevel, formatter(state, exception) + " " + structured + " " + exception));
    }

    public string AllText => string.Join("\n", Entries.Select(e => e.Text));
}
