using AiGovernance.Monitoring.Trends;
using AiGovernance.Reporting.Json;

namespace AiGovernance.Reporting.Drift;

/// <summary>A performance series with its fitted linear trend, the projection to the threshold and the latest period's
/// degradation against the trailing mean (concept drift).</summary>
public sealed class DriftPerformanceTrend
{
    /// <summary>The metric, for example "accuracy".</summary>
    public required string Metric { get; init; }

    /// <summary>The period's unit, for example "week".</summary>
    public required string PeriodUnit { get; init; }

    /// <summary>One label per period, oldest first.</summary>
    public IReadOnlyList<string> Periods { get; init; } = [];

    /// <summary>The metric per period.</summary>
    public IReadOnlyList<double> Values { get; init; } = [];

    /// <summary>The level the metric must stay above.</summary>
    public double? Threshold { get; init; }

    /// <summary>Whether there were enough periods to fit a trend.</summary>
    public bool HasEnoughData { get; init; }

    /// <summary>Periods in the regression.</summary>
    public int PeriodsRegressed { get; init; }

    /// <summary>The fitted change per period.</summary>
    public double? Slope { get; init; }

    /// <summary>The slope's p-value.</summary>
    public double? PValue { get; init; }

    /// <summary>The latest value.</summary>
    public double? Current { get; init; }

    /// <summary>The fitted line at the end of the projection horizon.</summary>
    public double? Projected { get; init; }

    /// <summary>Periods projected ahead.</summary>
    public int ProjectionHorizon { get; init; }

    /// <summary>Periods until the fitted line reaches the threshold (0 when already there).</summary>
    public double? PeriodsUntilThreshold { get; init; }

    /// <summary>Whether the metric declines significantly.</summary>
    public bool IsDeclining { get; init; }

    /// <summary>What to do (<see cref="TrendRecommendation"/>).</summary>
    public TrendRecommendation Recommendation { get; init; }

    /// <summary>The mean of the periods before the latest.</summary>
    public double? TrailingMean { get; init; }

    /// <summary>The trailing mean minus the latest value.</summary>
    public double? Degradation { get; init; }

    /// <summary>Whether the degradation counts as concept drift.</summary>
    public bool ConceptDrift { get; init; }

    /// <summary>Why each <see langword="null"/> number is undefined; <see langword="null"/> when all are defined.</summary>
    public IReadOnlyDictionary<string, string>? NullReasons { get; init; }

    /// <summary>Takes a series and the results of <see cref="ConceptDriftDetector"/>.</summary>
    /// <param name="metric">The metric's name.</param>
    /// <param name="periodUnit">The period's unit.</param>
    /// <param name="periods">One label per period.</param>
    /// <param name="values">The metric per period (finite).</param>
    /// <param name="threshold">The level the metric must stay above.</param>
    /// <param name="trend">The fitted trend.</param>
    /// <param name="degradation">The latest period against the trailing mean.</param>
    /// <returns>The trend as a report shows it.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The labels and values differ in number, or a value is not finite.</exception>
    public static DriftPerformanceTrend From(string metric, string periodUnit, IReadOnlyList<string> periods, IReadOnlyList<double> values,
        double threshold, PerformanceTrendResult trend, ConceptDriftResult degradation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metric);
        ArgumentException.ThrowIfNullOrWhiteSpace(periodUnit);
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(trend);
        if (periods.Count != values.Count)
        {
            throw new ArgumentException($"{periods.Count} period labels for {values.Count} values.", nameof(periods));
        }

        Charts.ChartGuard.Finite(values, nameof(values));
        var r = new NullReasons();
        var few = trend.HasEnoughData ? "not computed" : "too few periods to fit a trend";
        return new DriftPerformanceTrend
        {
            Metric = metric,
            PeriodUnit = periodUnit,
            Periods = periods,
            Values = values,
            Threshold = r.Value(threshold, "threshold", "no threshold given"),
            HasEnoughData = trend.HasEnoughData,
            PeriodsRegressed = trend.Count,
            Slope = r.Value(trend.Slope, "slope", few),
            PValue = r.Value(trend.PValue, "pValue", few),
            Current = r.Value(trend.Current, "current", "no period observed"),
            Projected = r.Value(trend.Projected, "projected", few),
            ProjectionHorizon = trend.ProjectionHorizon,
            PeriodsUntilThreshold = r.Value(trend.PeriodsUntilThreshold, "periodsUntilThreshold",
                double.IsPositiveInfinity(trend.PeriodsUntilThreshold) ? "never: the fitted line does not fall" : few),
            IsDeclining = trend.IsDeclining,
            Recommendation = trend.Recommendation,
            TrailingMean = r.Value(degradation.TrailingMean, "trailingMean", "too few earlier periods"),
            Degradation = r.Value(degradation.Degradation, "degradation", "too few earlier periods"),
            ConceptDrift = degradation.IsDrifted,
            NullReasons = r.Result,
        };
    }
}
