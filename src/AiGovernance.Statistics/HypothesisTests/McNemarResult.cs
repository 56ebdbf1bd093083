namespace AiGovernance.Statistics;

/// <summary>The outcome of McNemar's exact test (<see cref="McNemar.Exact(long, long)"/>).</summary>
/// <param name="Statistic">min(b, c), the smaller discordant count (statsmodels' <c>statistic</c> for
/// <c>exact=True</c>).</param>
/// <param name="PValue">The two-sided p-value in [0, 1].</param>
public readonly record struct McNemarResult(double Statistic, double PValue);
