using AiGovernance.Monitoring.Responses;

namespace AiGovernance.Monitoring.Trends;

/// <summary>A linear trend over the latest periods of a higher-is-better performance metric.</summary>
public sealed record PerformanceTrendResult
{
    /// <summary>How many periods were regressed (0 when there were too few).</summary>
    public int Count { get; init; }

    /// <summary>Whether there were enough periods to fit a trend.</summary>
    public bool HasEnoughData { get; init; }

    /// <summary>Change per period (NaN without enough data).</summary>
    public double Slope { get; init; }

    /// <summary>Two-sided p-value of the slope (<c>scipy.stats.linregress</c>); NaN without enough data.</summary>
    public double PValue { get; init; }

    /// <summary>The latest observed value.</summary>
    public double Current { get; init; }

    /// <summary>The fitted line's value <see cref="ProjectionHorizon"/> periods after the latest observation.</summary>
    public double Projected { get; init; }

    /// <summary>How many periods ahead <see cref="Projected"/> is.</summary>
    public int ProjectionHorizon { get; init; }

    /// <summary>The threshold asked about, or NaN when none was given.</summary>
    public double Threshold { get; init; }

    /// <summary>Periods after the latest observation until the fitted line falls to <see cref="Threshold"/>: 0 when it
    /// already has, +∞ when the line does not fall, NaN when no threshold was given or there was too little data.</summary>
    public double PeriodsUntilThreshold { get; init; }

    /// <summary>Whether the slope is negative and significant.</summary>
    public bool IsDeclining { get; init; }

    /// <summary>Whether the values were estimated without labels (CBPE or DLE) rather than measured on labelled data.</summary>
    public bool IsEstimated { get; init; }

    /// <summary>Whether larger values are better (accuracy, AUC); false for an error metric (MAE, RMSE) whose trend was
    /// fitted on negated values and reported on its own scale.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool HigherIsBetter { get; init; } = true;

    /// <summary><see cref="TrendRecommendation.RetrainSoon"/> when <see cref="IsDeclining"/>.</summary>
    public TrendRecommendation Recommendation { get; init; }

    /// <summary>An event for the <see cref="DriftResponseWorkflow"/> with the projected drop as degradation.</summary>
    /// <param name="systemId">The AI system.</param>
    /// <param name="metric">The metric's name, used as the event's subject.</param>
    /// <returns>The event.</returns>
    public DriftEvent ToDriftEvent(string systemId, string metric) => new()
    {
        SystemId = systemId,
        Kind = DriftEventKind.PerformanceTrend,
        Subject = metric,
        Degradation = IsDeclining ? Math.Max(0, HigherIsBetter ? Current - Projected : Projected - Current) : 0,
        Summary = (IsEstimated ? "estimated (no labels) " : string.Empty)
            + FormattableString.Invariant($"{metric} slope {Slope:F5}/period (p = {PValue:G3}); projected {Projected:F4} in ")
            + FormattableString.Invariant($"{ProjectionHorizon} periods; {Recommendation}."),
    };
}
