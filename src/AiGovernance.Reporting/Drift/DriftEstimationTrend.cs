using AiGovernance.Monitoring.Trends;
using AiGovernance.Reporting.Json;

namespace AiGovernance.Reporting.Drift;

/// <summary>The linear trend fitted to the estimated accuracy, week by week, with its projection to the limit.</summary>
public sealed class DriftEstimationTrend
{
    /// <summary>Weeks in the regression.</summary>
    public int Periods { get; init; }

    /// <summary>The fitted change per week.</summary>
    public double? Slope { get; init; }

    /// <summary>The slope's p-value.</summary>
    public double? PValue { get; init; }

    /// <summary>Weeks until the fitted line reaches the limit (0 when already there).</summary>
    public double? PeriodsUntilThreshold { get; init; }

    /// <summary>What to do.</summary>
    public TrendRecommendation Recommendation { get; init; }

    /// <summary>Whether the trend was fitted to estimates rather than to labelled values.</summary>
    public bool IsEstimated { get; init; }

    /// <summary>Why each <see langword="null"/> number is undefined; <see langword="null"/> when all are defined.</summary>
    public IReadOnlyDictionary<string, string>? NullReasons { get; init; }

    /// <summary>Takes a trend of <see cref="ConceptDriftDetector"/>.</summary>
    /// <param name="trend">The trend.</param>
    /// <returns>The trend as a report shows it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trend"/> is null.</exception>
    public static DriftEstimationTrend From(PerformanceTrendResult trend)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var r = new NullReasons();
        var few = trend.HasEnoughData ? "not computed" : "too few weeks to fit a trend";
        return new DriftEstimationTrend
        {
            Periods = trend.Count,
            Slope = r.Value(trend.Slope, "slope", few),
            PValue = r.Value(trend.PValue, "pValue", few),
            PeriodsUntilThreshold = r.Value(trend.PeriodsUntilThreshold, "periodsUntilThreshold",
                double.IsPositiveInfinity(trend.PeriodsUntilThreshold) ? "never: the fitted line does not fall" : few),
            Recommendation = trend.Recommendation,
            IsEstimated = trend.IsEstimated,
            NullReasons = r.Result,
        };
    }
}
