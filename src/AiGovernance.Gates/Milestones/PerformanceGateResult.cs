namespace AiGovernance.Gates.Milestones;

/// <summary>The decision of a performance gate, with the numbers behind it.</summary>
/// <param name="Verdict">Go, no-go or inconclusive.</param>
/// <param name="Estimate">The metric with its interval.</param>
/// <param name="Threshold">The threshold judged against.</param>
/// <param name="ConfidenceLevel">The interval's confidence level.</param>
/// <param name="AdditionalExamplesNeeded">For an inconclusive verdict, roughly how many more labelled examples would
/// shrink the interval enough to clear or miss the threshold at the current estimate; otherwise <see langword="null"/>.</param>
/// <param name="Explanation">A sentence stating the decision and its numbers.</param>
/// <param name="Subgroups">Per-group results when evaluated by group; empty otherwise.</param>
public sealed record PerformanceGateResult(
    MilestoneVerdict Verdict,
    PerformanceEstimate Estimate,
    double Threshold,
    double ConfidenceLevel,
    long? AdditionalExamplesNeeded,
    string Explanation,
    IReadOnlyDictionary<string, PerformanceGateResult> Subgroups)
{
    /// <summary>Whether the decision rests on a value estimated without labels (see <see cref="PerformanceEstimate.IsEstimated"/>).</summary>
    public bool IsEstimated => Estimate.IsEstimated;
}
