namespace AiGovernance.Monitoring.PerformanceEstimation;

/// <summary>Properties of <see cref="EstimatedMetric"/> values.</summary>
public static class EstimatedMetricExtensions
{
    /// <summary>Whether a larger value of the metric is better (classification metrics) or worse (error metrics).</summary>
    /// <param name="metric">The metric.</param>
    /// <returns><see langword="true"/> for accuracy, precision, recall, specificity, F1 and ROC AUC.</returns>
    public static bool IsHigherBetter(this EstimatedMetric metric) =>
        metric is not (EstimatedMetric.MeanAbsoluteError or EstimatedMetric.RootMeanSquaredError);
}
