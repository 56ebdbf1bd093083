namespace AiGovernance.Statistics;

/// <summary>A ratio metric over independent clusters with its delta-method variance (<see cref="RatioMetric.Estimate"/>).</summary>
/// <param name="Ratio">Σx / Σy over the clusters, for example errors / requests.</param>
/// <param name="Variance">The delta-method variance of <paramref name="Ratio"/>.</param>
/// <param name="Clusters">The number of clusters n.</param>
public readonly record struct RatioMetricEstimate(double Ratio, double Variance, int Clusters)
{
    /// <summary>√<see cref="Variance"/>.</summary>
    public double StandardError => Math.Sqrt(Variance);
}
