namespace AiGovernance.Monitoring.Orleans.Windows;

/// <summary>A window grain's state as seen from outside.</summary>
[GenerateSerializer]
[Alias("AiGovernance.Monitoring.Orleans.DriftWindowStatus")]
[Immutable]
public sealed class DriftWindowStatus
{
    /// <summary>The window's grain key (see <see cref="DriftWindowKey.ToGrainKey"/>).</summary>
    [Id(0)]
    public required string Key { get; init; }

    /// <summary>The window's phase.</summary>
    [Id(1)]
    public DriftWindowPhase Phase { get; init; }

    /// <summary>Rows counted.</summary>
    [Id(2)]
    public long RowCount { get; init; }

    /// <summary>Partials counted.</summary>
    [Id(3)]
    public int PartialCount { get; init; }

    /// <summary>Distinct senders of those partials.</summary>
    [Id(4)]
    public int SourceCount { get; init; }

    /// <summary>When the closing reminder closes the window; null before the first partial.</summary>
    [Id(5)]
    public DateTimeOffset? CloseAt { get; init; }

    /// <summary>The report as JSON once computed (<see cref="DriftWindowPhase.Computed"/> or later); null before, and for a window closed without
    /// rows.</summary>
    [Id(6)]
    public string? ReportJson { get; init; }

    /// <summary>Whether the drift response workflow was raised for this window.</summary>
    [Id(7)]
    public bool ResponseRaised { get; init; }

    /// <summary>The report, parsed from <see cref="ReportJson"/>.</summary>
    /// <returns>The report, or null when none was computed.</returns>
    public DriftWindowReport? GetReport() => ReportJson is null ? null : DriftWindowReport.FromJson(ReportJson);
}
