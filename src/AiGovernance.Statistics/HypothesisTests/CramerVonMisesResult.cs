namespace AiGovernance.Statistics;

/// <summary>The outcome of a two-sample Cramér–von Mises test (SciPy's <c>CramerVonMisesResult</c>).</summary>
/// <param name="Statistic">T = U/(nm(n + m)) − (4nm − 1)/(6(n + m)) (Anderson 1962, eq. 9), U from midranks; ≥ 0 up to
/// rounding, larger when the empirical distributions differ over more of their range.</param>
/// <param name="PValue">The p-value in [0, 1].</param>
/// <param name="Method">The method actually used: <see cref="CramerVonMisesMethod.Exact"/> or
/// <see cref="CramerVonMisesMethod.Asymptotic"/>, never <see cref="CramerVonMisesMethod.Auto"/>.</param>
public readonly record struct CramerVonMisesResult(double Statistic, double PValue, CramerVonMisesMethod Method);
