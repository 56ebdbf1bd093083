namespace AiGovernance.Statistics;

/// <summary>The outcome of a Kolmogorov–Smirnov test (SciPy's <c>KstestResult</c>).</summary>
/// <param name="Statistic">The statistic D in [0, 1]: D⁺, D⁻ or max(D⁺, D⁻) for <see cref="Alternative.Greater"/>,
/// <see cref="Alternative.Less"/> and <see cref="Alternative.TwoSided"/>. When the exact two-sample method ran, D is
/// rounded to the lattice value h/lcm(n, m), as SciPy returns it.</param>
/// <param name="PValue">The p-value in [0, 1], computed from upper tails so values down to about 1e-308 survive.</param>
/// <param name="Method">The method actually used: <see cref="KolmogorovSmirnovMethod.Exact"/> or
/// <see cref="KolmogorovSmirnovMethod.Asymptotic"/>, never <see cref="KolmogorovSmirnovMethod.Auto"/>.</param>
/// <param name="StatisticSign">+1 when the statistic is D⁺ (the first sample's empirical CDF lies above the second's,
/// or above the reference CDF), −1 when it is D⁻ (SciPy's <c>statistic_sign</c>).</param>
/// <param name="StatisticLocation">The observed value at which the statistic is attained (SciPy's
/// <c>statistic_location</c>).</param>
public readonly record struct KolmogorovSmirnovResult(
    double Statistic,
    double PValue,
    KolmogorovSmirnovMethod Method,
    int StatisticSign,
    double StatisticLocation);
