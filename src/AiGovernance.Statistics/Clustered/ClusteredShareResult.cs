namespace AiGovernance.Statistics;

/// <summary>The outcome of <see cref="ClusteredShareTest.Test"/>.</summary>
/// <param name="PlannedShare">The share of the first group under the null hypothesis.</param>
/// <param name="ObservedShare">Σfirst / (Σfirst + Σsecond).</param>
/// <param name="Z">D / √(π(1 − π)·Ŝ): the excess of the first group's count over its planned share, in standard errors.</param>
/// <param name="PValue">The two-sided p-value from Student's t with B − 1 degrees of freedom (B clusters).</param>
/// <param name="Clusters">The clusters holding any count.</param>
public readonly record struct ClusteredShareResult(double PlannedShare, double ObservedShare, double Z, double PValue, int Clusters);
