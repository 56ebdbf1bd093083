using AiGovernance.Statistics;

namespace AiGovernance.Gates.Milestones;

/// <summary>Point estimates and intervals behind the performance gate, from the functions of AiGovernance.Statistics.</summary>
internal static class MetricEstimator
{
    public static PerformanceEstimate FromLabels(
        PerformanceMetric metric, ReadOnlySpan<bool> yTrue, ReadOnlySpan<bool> yPred, double confidenceLevel, int resamples, int seed)
    {
        var counts = ConfusionCounts.From(yTrue, yPred);
        var n = yTrue.Length;
        switch (metric)
        {
            case PerformanceMetric.Accuracy:
                return WilsonEstimate(metric, counts.TruePositives + counts.TrueNegatives, n, n, confidenceLevel);
            case PerformanceMetric.Precision:
                return WilsonEstimate(metric, counts.TruePositives, counts.Selected, n, confidenceLevel);
            case PerformanceMetric.Recall:
                return WilsonEstimate(metric, counts.TruePositives, counts.TruePositives + counts.FalseNegatives, n, confidenceLevel);
            case PerformanceMetric.F1:
                if (double.IsNaN(counts.F1))
                {
                    return new PerformanceEstimate(metric, double.NaN, double.NaN, double.NaN, n, "bootstrap");
                }

                var interval = Bootstrap.ConfusionMetric(counts, static c => c.F1, resamples, seed, confidenceLevel).Interval;
                return new PerformanceEstimate(
                    metric, counts.F1, interval.Lower, interval.Upper, n, $"percentile bootstrap ({resamples} resamples, seed {seed})");
            default:
                throw new ArgumentException("AUC is computed from scores: call the overload that takes scores.", nameof(metric));
        }
    }

    /// <summary>The metric's value on confusion counts (NaN when undefined).</summary>
    public static double PointEstimate(PerformanceMetric metric, in ConfusionCounts counts) => metric switch
    {
        PerformanceMetric.Accuracy => counts.Accuracy,
        PerformanceMetric.Precision => counts.Precision,
        PerformanceMetric.Recall => counts.Recall,
        PerformanceMetric.F1 => counts.F1,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "AUC is computed from scores."),
    };

    public static PerformanceEstimate WilsonEstimate(PerformanceMetric metric, long successes, long trials, long sampleSize, double confidenceLevel)
    {
        if (trials == 0)
        {
            return new PerformanceEstimate(metric, double.NaN, double.NaN, double.NaN, sampleSize, "Wilson");
        }

        var interval = ConfidenceInterval.Wilson(successes, trials, confidenceLevel);
        return new PerformanceEstimate(metric, (double)successes / trials, interval.Lower, interval.Upper, sampleSize, "Wilson");
    }

    /// <summary>AUC with DeLong's variance and its normal interval clipped to [0, 1].</summary>
    public static PerformanceEstimate Auc(ReadOnlySpan<bool> yTrue, ReadOnlySpan<double> scores, double confidenceLevel)
    {
        var auc = DeLong.Auc(yTrue, scores);
        var interval = auc.ConfidenceInterval(confidenceLevel);
        return new PerformanceEstimate(PerformanceMetric.Auc, auc.Auc, interval.Lower, interval.Upper, auc.Positives + auc.Negatives, "DeLong");
    }
}
