using AiGovernance.Core.Audit;
using AiGovernance.Samples.DriftJob.Data;

namespace AiGovernance.Samples.DriftJob.Pipeline;

/// <summary>Everything one run produced; the reports are rendered from it.</summary>
internal sealed record DriftJobResult
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

    /// <summary>The windows compared jointly with the reference, or <see langword="null"/> when that stage did not run.</summary>
    public MultivariateAnalysis? Multivariate { get; init; }
    /// <summary>Label-free performance estimation by week, or <see langword="null"/> without predicted probabilities.</summary>
    public EstimationAnalysis? Estimation { get; init; }

    /// <summary>What the response workflow did, in order.</summary>
    public required IReadOnlyList<ResponseRecord> Responses { get; init; }

    /// <summary>The audit chain's verification after the workflow ran.</summary>
    public AuditVerificationResult Audit { get; init; }

    /// <summary>The latest window; the reports' column table and charts describe it.</summary>
    public WindowAnalysis Latest => Windows[^1];

    /// <summary>Whether any window showed dataset drift (the job then exits with 1).</summary>
    public bool DatasetDrift => Windows.Any(w => w.Drift.DatasetDrift);
}
