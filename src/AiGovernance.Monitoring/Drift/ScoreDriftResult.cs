namespace AiGovernance.Monitoring.Drift;

/// <summary>The drift of a model's continuous scores.</summary>
/// <param name="Statistic">The two-sample Kolmogorov–Smirnov statistic D.</param>
/// <param name="PValue">Its p-value (SciPy's <c>ks_2samp</c>, method auto).</param>
/// <param name="Psi">The population stability index on the reference's quantile bins.</param>
/// <param name="IsDrifted">Whether the p-value is below the level and the PSI above the minimum (so a huge sample does not
/// flag a negligible shift).</param>
public readonly record struct ScoreDriftResult(double Statistic, double PValue, double Psi, bool IsDrifted);
