namespace AiGovernance.Deployment.Canary;

/// <summary>The sample-ratio-mismatch check: does the observed split match the planned one (chi-squared goodness of fit)?</summary>
/// <param name="PlannedCandidateFraction">The planned candidate share.</param>
/// <param name="ObservedCandidateFraction">The observed candidate share of requests.</param>
/// <param name="ChiSquared">Pearson's statistic with one degree of freedom.</param>
/// <param name="PValue">Its p-value.</param>
/// <param name="Mismatch">Whether <paramref name="PValue"/> is below the mismatch threshold (the comparison is then invalid).</param>
public readonly record struct SampleRatioCheck(
    double PlannedCandidateFraction,
    double ObservedCandidateFraction,
    double ChiSquared,
    double PValue,
    bool Mismatch);
