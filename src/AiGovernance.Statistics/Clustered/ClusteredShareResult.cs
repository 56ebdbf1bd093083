namespace AiGovernance.Statistics;

/// <summary>The outcome of <see cref="ClusteredShareTest.Test"/>.</summary>
/// <param name="PlannedShare">The share of the first group under the null hypothesis.</param>
/// <param name="ObservedShare">Σfirst / (Σfirst + Σsecond).</param>
/// <param name="Z">The self-normalised statistic D/√V (0 when every cluster sits exactly on the planned share).</param>
/// <param name="PValue">The two-sided p-value from Student's t with <paramref name="Clusters"/> − 1 degrees of freedom.</param>
/// <param name="Clusters">The clusters holding any count.</param>
public readonly record struct ClusteredShareResult(double PlannedShare, double ObservedShare, double Z, double PValue, int Clusters);
