namespace AiGovernance.Statistics;

/// <summary>The outcome of a z-test for proportions (<see cref="ProportionZTest"/>).</summary>
/// <param name="Z">The z statistic (difference divided by its standard error); may be ±∞ in the documented one-sample edge case.</param>
/// <param name="PValue">The p-value for the requested alternative, in [0, 1].</param>
/// <param name="Difference">The estimated difference: p̂₁ − p̂₂ for two samples, p̂ − p₀ for one sample.</param>
public readonly record struct ZTestResult(double Z, double PValue, double Difference);
