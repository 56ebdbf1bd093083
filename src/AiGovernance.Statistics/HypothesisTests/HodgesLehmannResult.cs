namespace AiGovernance.Statistics;

/// <summary>The Hodges–Lehmann estimate of the shift between two samples with its confidence interval
/// (<see cref="MannWhitney.HodgesLehmann(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/>).</summary>
/// <param name="Estimate">The median of all n₁·n₂ pairwise differences xᵢ − yⱼ (positive when x tends to be larger).</param>
/// <param name="Lower">The lower confidence bound, the k-th smallest pairwise difference.</param>
/// <param name="Upper">The upper confidence bound, the (n₁n₂ + 1 − k)-th smallest pairwise difference.</param>
/// <param name="ConfidenceLevel">The requested confidence level.</param>
/// <param name="Method">How k was chosen: <see cref="MannWhitneyMethod.Exact"/> (exact null distribution of U) or
/// <see cref="MannWhitneyMethod.Asymptotic"/> (normal approximation).</param>
public readonly record struct HodgesLehmannResult(double Estimate, double Lower, double Upper, double ConfidenceLevel, MannWhitneyMethod Method);
