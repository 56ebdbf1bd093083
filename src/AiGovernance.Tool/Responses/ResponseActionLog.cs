using AiGovernance.Samples.DriftJob.Cli;
using Spectre.Console;

namespace AiGovernance.Samples.DriftJob.Responses;

/// <summary>Where the sample's handlers say what they would do: printed at once and kept for the reports.</summary>
internal sealed class ResponseActionLog
{
    private readonly IAnsiConsole _console;
    private readonly List<string> _pending = [];

    /// <summary>Creates the log.</summary>
    /// <param name="console">Where actions are printed.</param>
    public ResponseActionLog(IAnsiConsole console) => _console = console;

    /// <summary>Prints and keeps one action.</summary>
    /// <param name="tag">A short tag, such as "notify".</param>
    /// <param name="colour">The tag's colour.</param>
    /// <param name="text">What the handler would do.</param>
    public void Record(string tag, Color colour, string text)
    {
        lock (_pending)
        {
            _pending.Add($"[{tag}] {text}");
        }

        _console.MarkupLine($"    [{colour.ToMarkup()}][[{Shown.Markup(tag)}]][/] {Shown.Markup(text)}");
    }

    /// <summary>Returns and forgets the actions recorded since the last call.</summary>
    /// <returns>The actions, oldest first.</returns>
    public IReadOnlyList<string> Drain()
    {
        lock (_pending)
        {
            var drained = _pending.ToArray();
            _pending.Clear();
            return drained;
        }
    }
}
