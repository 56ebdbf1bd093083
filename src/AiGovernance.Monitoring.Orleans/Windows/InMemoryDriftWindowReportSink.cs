using System.Collections.Concurrent;

namespace AiGovernance.Monitoring.Orleans.Windows;

/// <summary>An <see cref="IDriftWindowReportSink"/> that keeps the reports of this process's silo in memory: for the
/// embedded mode, samples and tests. A restart forgets them.</summary>
/// <remarks>Thread-safe; a second report for the same window is ignored (idempotent).</remarks>
public sealed class InMemoryDriftWindowReportSink : IDriftWindowReportSink
{
    private readonly ConcurrentDictionary<DriftWindowKey, DriftWindowReport> _reports = new();

    /// <summary>The reports kept, ordered by system and window start.</summary>
    public IReadOnlyList<DriftWindowReport> Reports =>
        [.. _reports.Values.OrderBy(r => r.SystemId, StringComparer.Ordinal).ThenBy(r => r.WindowStart)];

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public ValueTask PublishAsync(DriftWindowReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        cancellationToken.ThrowIfCancellationRequested();
        _reports.TryAdd(report.Key, report);
        return ValueTask.CompletedTask;
    }

    /// <summary>The report of a window, when kept.</summary>
    /// <param name="key">The window.</param>
    /// <returns>The report, or null.</returns>
    public DriftWindowReport? Find(DriftWindowKey key) => _reports.GetValueOrDefault(key);
}
