namespace AiGovernance.Statistics;

/// <summary>The outcome of Fisher's exact test (<see cref="FisherExact.Test(long, long, long, long, Alternative)"/>).</summary>
/// <param name="OddsRatio">The sample odds ratio a·d/(b·c): +∞ when b or c is 0, NaN when a row or column is empty
/// (SciPy's statistic; not the conditional maximum-likelihood estimate R's <c>fisher.test</c> reports).</param>
/// <param name="PValue">The p-value for the requested alternative, in [0, 1].</param>
public readonly record struct FisherExactResult(double OddsRatio, double PValue);
