namespace AiGovernance.Statistics;

/// <summary>The outcome of a Mann–Whitney U test
/// (<see cref="MannWhitney.Test(ReadOnlySpan{double}, ReadOnlySpan{double}, Alternative, bool, MannWhitneyMethod)"/>).</summary>
/// <param name="U">U₁, the Mann–Whitney statistic of the first sample: R₁ − n₁(n₁+1)/2, where R₁ is the sum of the first
/// sample's average ranks in the pooled sample (SciPy's returned statistic, whatever the alternative).</param>
/// <param name="PValue">The p-value for the requested alternative, in [0, 1].</param>
/// <param name="Method">The method actually used (never <see cref="MannWhitneyMethod.Auto"/>).</param>
/// <param name="Z">The standardized statistic whose upper tail gives the p-value: (U′ − n₁n₂/2 − c)/σ with U′ = U₁ for
/// <see cref="Alternative.Greater"/>, U₂ for <see cref="Alternative.Less"/> and max(U₁, U₂) for two-sided, c = 0.5 with
/// the continuity correction and σ the tie-corrected standard deviation (SciPy's internal z); NaN when the exact
/// method was used; 0 when every pooled value is identical (σ = 0).</param>
public readonly record struct MannWhitneyResult(double U, double PValue, MannWhitneyMethod Method, double Z);
