namespace AiGovernance.Monitoring.PerformanceEstimation;

/// <summary>One metric's realised value against its label-free estimate.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Estimated">The estimate made before the labels arrived.</param>
/// <param name="Lower">The estimate's band, lower bound.</param>
/// <param name="Upper">The estimate's band, upper bound.</param>
/// <param name="StandardError">The estimate's standard error.</param>
/// <param name="Realised">The value computed from the labels.</param>
/// <param name="IsOutsideBand">Whether <paramref name="Realised"/> fell outside [<paramref name="Lower"/>, <paramref name="Upper"/>].</param>
/// <param name="IsAlerting">Whether this metric is one the alert watches and its gap exceeds the alert's (Bonferroni-widened) band.</param>
public sealed record PerformanceGap(
    EstimatedMetric Metric,
    double Estimated,
    double Lower,
    double Upper,
    double StandardError,
    double Realised,
    bool IsOutsideBand,
    bool IsAlerting)
{
    /// <summary>Realised − estimated.</summary>
    public double Gap => Realised - Estimated;

    /// <summary>The gap in standard errors; NaN when undefined.</summary>
    public double StandardisedGap => StandardError > 0 ? Gap / StandardError : double.NaN;

    /// <summary>How much worse the realised value is than estimated (0 when it is as good or better).</summary>
    public double Shortfall => Math.Max(0, Metric.IsHigherBetter() ? Estimated - Realised : Realised - Estimated);
}
