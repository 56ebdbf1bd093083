namespace AiGovernance.Statistics;

/// <summary>The outcome of an Epps–Singleton two-sample test (SciPy's <c>Epps_Singleton_2sampResult</c>).</summary>
/// <param name="Statistic">W, the quadratic form of the difference of the two empirical characteristic functions at
/// t = 0.4/σ and 0.8/σ (with SciPy's small-sample correction when the larger sample has fewer than 25 values); ≥ 0.</param>
/// <param name="PValue">The upper tail of χ² with <see cref="DegreesOfFreedom"/> degrees of freedom at W, in [0, 1].</param>
/// <param name="DegreesOfFreedom">The rank of the pseudo-inverse of the estimated covariance: 4 normally, less when the
/// data have so few distinct values that the characteristic-function features are linearly dependent (SciPy then warns
/// that the test may not be consistent).</param>
public readonly record struct EppsSingletonResult(double Statistic, double PValue, int DegreesOfFreedom);
