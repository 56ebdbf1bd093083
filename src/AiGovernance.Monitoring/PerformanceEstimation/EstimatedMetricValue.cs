namespace AiGovernance.Monitoring.PerformanceEstimation;

/// <summary>One metric estimated for a window without labels, with its band and the reference's realised value.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Estimate">The point estimate; NaN when undefined for this window.</param>
/// <param name="StandardError">The standard deviation of the realised value around the estimate.</param>
/// <param name="Lower">The band's lower bound.</param>
/// <param name="Upper">The band's upper bound.</param>
/// <param name="ReferenceValue">The value realised on the labelled reference.</param>
/// <param name="BandMethod">How the band was computed.</param>
public sealed record EstimatedMetricValue(
    EstimatedMetric Metric,
    double Estimate,
    double StandardError,
    double Lower,
    double Upper,
    double ReferenceValue,
    string BandMethod)
{
    /// <summary>Whether the estimate is defined.</summary>
    public bool IsDefined => !double.IsNaN(Estimate);

    /// <summary>How much worse than the reference the metric is at least, at the band's confidence: reference − upper
    /// bound for a higher-is-better metric, lower bound − reference for an error metric; 0 when the band reaches the
    /// reference or the estimate is undefined.</summary>
    public double Degradation
    {
        get
        {
            if (!IsDefined || double.IsNaN(ReferenceValue))
            {
                return 0;
            }

            var worse = Metric.IsHigherBetter() ? ReferenceValue - Upper : Lower - ReferenceValue;
            return Math.Max(0, worse);
        }
    }
}
