namespace AiGovernance.Gates.Milestones;

/// <summary>A metric's point estimate with its confidence interval.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Estimate">The point estimate; NaN when undefined (for example precision with no predicted positives).</param>
/// <param name="Lower">The interval's lower bound.</param>
/// <param name="Upper">The interval's upper bound.</param>
/// <param name="SampleSize">The number of evaluation examples.</param>
/// <param name="IntervalMethod">How the interval was computed (Wilson, bootstrap, DeLong, Wald, Student t, or a
/// label-free estimator's band).</param>
public readonly record struct PerformanceEstimate(
    PerformanceMetric Metric,
    double Estimate,
    double Lower,
    double Upper,
    long SampleSize,
    string IntervalMethod)
{
    /// <summary>Whether the estimate is defined.</summary>
    public bool IsDefined => !double.IsNaN(Estimate);

    /// <summary>Whether the value was estimated without labels (for example by confidence-based performance estimation
    /// or direct loss estimation) rather than measured on a labelled evaluation set; decisions and model cards say so.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool IsEstimated { get; init; }

    /// <summary>Whether smaller values are better (error metrics: MAE, RMSE).</summary>
    public bool IsLowerBetter => Metric is PerformanceMetric.MeanAbsoluteError or PerformanceMetric.RootMeanSquaredError;
}
