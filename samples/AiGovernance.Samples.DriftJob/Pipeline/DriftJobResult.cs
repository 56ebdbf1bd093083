using AiGovernance.Core.Audit;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Monitoring.Trends;
using AiGovernance.Monitoring.Validation;
using AiGovernance.Samples.DriftJob.Data;

namespace AiGovernance.Samples.DriftJob.Pipeline;

/// <summary>One production window's ingestion check and drift comparison.</summary>
/// <param name="Window">The window.</param>
/// <param name="Validation">The window checked against the schema inferred from the reference.</param>
/// <param name="Drift">The window compared with the fitted reference.</param>
public sealed record WindowAnalysis(DataWindow Window, ValidationReport Validation, DataDriftReport Drift);

/// <summary>The performance series' trend and its latest degradation.</summary>
/// <param name="Series">The series.</param>
/// <param name="Trend">The linear trend with its projection to the threshold.</param>
/// <param name="Degradation">The latest period against the trailing mean.</param>
public sealed record TrendAnalysis(PerformanceSeries Series, PerformanceTrendResult Trend, ConceptDriftResult Degradation);

/// <summary>What the drift response workflow did with one event, and what the handlers said they would do.</summary>
/// <param name="Trigger">What raised the event ("window 2026-08", "accuracy trend").</param>
/// <param name="Result">The workflow's result.</param>
/// <param name="Actions">One line per action a handler would take.</param>
public sealed record ResponseRecord(string Trigger, DriftResponseResult Result, IReadOnlyList<string> Actions);

/// <summary>Everything one run produced; the reports are rendered from it.</summary>
public sealed record DriftJobResult
{
    /// <summary>The analysed data.</summary>
    public required DriftJobDataset Dataset { get; init; }

    /// <summary>When the job ran.</summary>
    public DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The AI system the data feeds.</summary>
    public required string SystemId { get; init; }

    /// <summary>The share of drifted columns at which a window counts as dataset drift.</summary>
    public double DriftShareThreshold { get; init; }

    /// <summary>One analysis per window, oldest first.</summary>
    public required IReadOnlyList<WindowAnalysis> Windows { get; init; }

    /// <summary>The performance trend, or <see langword="null"/> without a series.</summary>
    public TrendAnalysis? Trend { get; init; }

    /// <summary>What the response workflow did, in order.</summary>
    public required IReadOnlyList<ResponseRecord> Responses { get; init; }

    /// <summary>The audit chain's verification after the workflow ran.</summary>
    public AuditVerificationResult Audit { get; init; }

    /// <summary>The latest window; the reports' column table and charts describe it.</summary>
    public WindowAnalysis Latest => Windows[^1];

    /// <summary>Whether any window showed dataset drift (the job then exits with 1).</summary>
    public bool DatasetDrift => Windows.Any(w => w.Drift.DatasetDrift);
}
