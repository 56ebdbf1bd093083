namespace AiGovernance.Statistics;

/// <summary>Two ratio metrics compared with delta-method variances (<see cref="RatioMetric.TwoSample"/>).</summary>
/// <param name="First">The first group's ratio and variance.</param>
/// <param name="Second">The second group's ratio and variance.</param>
/// <param name="Difference">First ratio minus second ratio.</param>
/// <param name="Variance">The variance of <paramref name="Difference"/>: the sum of both groups' variances.</param>
/// <param name="Z"><paramref name="Difference"/> / √<paramref name="Variance"/>; ±∞ in the documented zero-variance edge case.</param>
/// <param name="PValue">The p-value for the requested alternative, in [0, 1].</param>
public readonly record struct RatioMetricComparison(
    RatioMetricEstimate First,
    RatioMetricEstimate Second,
    double Difference,
    double Variance,
    double Z,
    double PValue);
