using AiGovernance.Monitoring.Data;

namespace AiGovernance.Samples.DriftJob.Data;

/// <summary>Everything one run of the job analyses: a reference, one or more current windows and, when known, a
/// performance series measured on labelled outcomes.</summary>
/// <param name="Source">Where the data came from, for the reports.</param>
/// <param name="Reference">The reference (training) period.</param>
/// <param name="Windows">The production windows, oldest first.</param>
/// <param name="Performance">The performance series, or <see langword="null"/> when there is none (user files).</param>
internal sealed record DriftJobDataset(string Source, TabularData Reference, IReadOnlyList<DataWindow> Windows, PerformanceSeries? Performance)
{
    /// <summary>The model's predicted probabilities by week, for label-free performance estimation; <see langword="null"/>
    /// when there are none (user files).</summary>
    public ScoredPredictions? Scored { get; init; }
}
