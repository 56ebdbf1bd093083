namespace AiGovernance.Deployment.Canary;

/// <summary>The sample-ratio-mismatch check: does the observed split match the planned one? Per-request routing: χ² goodness
/// of fit on the request totals. Per-unit routing: the cluster-robust share test over unit sub-buckets
/// (<see cref="Statistics.ClusteredShareTest"/>).</summary>
/// <param name="PlannedCandidateFraction">The planned candidate share.</param>
/// <param name="ObservedCandidateFraction">The observed candidate share of requests.</param>
/// <param name="ChiSquared">The statistic on the χ²(1) scale: Pearson's statistic (per request) or the squared
/// cluster-robust z (per unit).</param>
/// <param name="PValue">Its p-value.</param>
/// <param name="Mismatch">Whether <paramref name="PValue"/> is below the mismatch threshold (the comparison is then invalid).</param>
public readonly record struct SampleRatioCheck(
    double PlannedCandidateFraction,
    double ObservedCandidateFraction,
    double ChiSquared,
    double PValue,
    bool Mismatch);
