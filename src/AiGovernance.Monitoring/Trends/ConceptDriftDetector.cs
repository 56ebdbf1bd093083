using AiGovernance.Monitoring.PerformanceEstimation;
using AiGovernance.Shared;
using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.Trends;

/// <summary>Detects concept drift from performance on labelled data: degradation of the latest period against a trailing
/// mean, and downward trends found by linear regression before a threshold breaks.</summary>
/// <remarks>
/// <para>Metrics are higher-is-better (accuracy, AUC, F1); pass error rates negated. Immutable and thread-safe.</para>
/// <para>A model losing 0.3% accuracy a day breaks a 5% threshold only after about 16 days; a significant negative slope
/// over the last 7 periods is usually visible within the first week.</para>
/// </remarks>
public sealed class ConceptDriftDetector
{
    private readonly ConceptDriftOptions _options;

    /// <summary>Creates a detector with the default settings (window 4, threshold 0.05, 7 trend periods).</summary>
    public ConceptDriftDetector()
        : this(new ConceptDriftOptions())
    {
    }

    /// <summary>Creates a detector.</summary>
    /// <param name="options">The settings; copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A setting is out of range (the message lists every one).</exception>
    public ConceptDriftDetector(ConceptDriftOptions options)
    {
        OptionsGuard.ThrowIfInvalid(options, nameof(options), ConceptDriftOptionsValidator.Instance);

        _options = new ConceptDriftOptions
        {
            WindowSize = options.WindowSize,
            DegradationThreshold = options.DegradationThreshold,
            TrendPeriods = options.TrendPeriods,
            TrendSignificanceLevel = options.TrendSignificanceLevel,
            ProjectionHorizon = options.ProjectionHorizon,
        };
    }

    /// <summary>Compares the latest performance with the mean of the last <see cref="ConceptDriftOptions.WindowSize"/>
    /// earlier periods; drift when the drop exceeds <see cref="ConceptDriftOptions.DegradationThreshold"/>.</summary>
    /// <param name="history">Earlier performance, oldest first (the latest period excluded).</param>
    /// <param name="current">The latest performance.</param>
    /// <returns>The comparison; not drifted when the history is shorter than the window.</returns>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    public ConceptDriftResult DetectDegradation(ReadOnlySpan<double> history, double current)
    {
        ThrowIfNotFinite(history, nameof(history));
        if (!double.IsFinite(current))
        {
            throw new ArgumentException("The current performance must be finite.", nameof(current));
        }

        var window = _options.WindowSize;
        if (history.Length < window)
        {
            return new ConceptDriftResult(current, double.NaN, 0, window, false, false);
        }

        double sum = 0;
        foreach (var value in history[^window..])
        {
            sum += value;
        }

        var mean = sum / window;
        var degradation = mean - current;
        return new ConceptDriftResult(current, mean, degradation, window, true, degradation > _options.DegradationThreshold);
    }

    /// <summary>Fits a line to the last <see cref="ConceptDriftOptions.TrendPeriods"/> equally spaced periods.</summary>
    /// <param name="values">Performance per period, oldest first.</param>
    /// <param name="threshold">The value whose crossing is projected (for example the retraining limit); NaN for none.</param>
    /// <returns>The trend; <see cref="PerformanceTrendResult.HasEnoughData"/> is false with fewer periods than required.</returns>
    /// <exception cref="ArgumentException">A value is NaN or infinite, <paramref name="threshold"/> is infinite, or the values are
    /// so close to ±<see cref="double.MaxValue"/> that their trend line is not representable (named <paramref name="values"/>).</exception>
    public PerformanceTrendResult DetectTrend(ReadOnlySpan<double> values, double threshold)
    {
        ThrowIfNotFinite(values, nameof(values));
        ThrowIfInfinite(threshold);
        var n = _options.TrendPeriods;
        if (values.Length < n)
        {
            return NotEnough(values, threshold);
        }

        Span<double> x = n <= 256 ? stackalloc double[n] : new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = i - (n - 1);
        }

        return Trend(x, values[^n..], threshold);
    }

    /// <summary>Fits a line to the last <see cref="ConceptDriftOptions.TrendPeriods"/> observations taken at irregular times;
    /// the slope and the projection are per <paramref name="period"/>.</summary>
    /// <param name="timestamps">When each value was measured, ascending.</param>
    /// <param name="values">Performance at each time.</param>
    /// <param name="period">The unit of the slope and the horizon (for example one day).</param>
    /// <param name="threshold">The value whose crossing is projected; NaN for none.</param>
    /// <returns>The trend.</returns>
    /// <exception cref="ArgumentException">The lengths differ, timestamps are not ascending or all equal, a value is not finite,
    /// or the trend line of the values over these times is not representable as a double (named <paramref name="values"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive.</exception>
    public PerformanceTrendResult DetectTrend(ReadOnlySpan<DateTimeOffset> timestamps, ReadOnlySpan<double> values, TimeSpan period, double threshold)
    {
        ThrowIfNotFinite(values, nameof(values));
        ThrowIfInfinite(threshold);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        if (timestamps.Length != values.Length)
        {
            throw new ArgumentException($"There are {timestamps.Length} timestamps but {values.Length} values.", nameof(values));
        }

        for (var i = 1; i < timestamps.Length; i++)
        {
            if (timestamps[i] < timestamps[i - 1])
            {
                throw new ArgumentException($"Timestamp {i} is earlier than timestamp {i - 1}; they must be ascending.", nameof(timestamps));
            }
        }

        var n = _options.TrendPeriods;
        if (values.Length < n)
        {
            return NotEnough(values, threshold);
        }

        var recent = timestamps[^n..];
        if (recent[0] == recent[^1])
        {
            throw new ArgumentException("The latest timestamps are all equal; a trend needs distinct times.", nameof(timestamps));
        }

        Span<double> x = n <= 256 ? stackalloc double[n] : new double[n];
        var last = recent[^1];
        for (var i = 0; i < n; i++)
        {
            x[i] = (recent[i] - last) / period;
        }

        return Trend(x, values[^n..], threshold);
    }

    /// <summary>Fits the trend of a metric estimated without labels (CBPE or DLE) over the latest
    /// <see cref="ConceptDriftOptions.TrendPeriods"/> windows, so a decline is seen — and the threshold crossing projected —
    /// before the labels arrive.</summary>
    /// <param name="windows">The estimates, oldest first.</param>
    /// <param name="metric">The metric whose estimate is regressed.</param>
    /// <param name="threshold">The value whose crossing is projected, on the metric's own scale; NaN for none.</param>
    /// <returns>The trend, marked <see cref="PerformanceTrendResult.IsEstimated"/>. For an error metric (MAE, RMSE) the
    /// values are negated for the fit and reported back on the metric's scale: the slope is then positive when the error
    /// grows, and <see cref="PerformanceTrendResult.IsDeclining"/> still means "getting worse".</returns>
    /// <exception cref="ArgumentNullException"><paramref name="windows"/> is null.</exception>
    /// <exception cref="ArgumentException">A window does not estimate <paramref name="metric"/> or its estimate is undefined
    /// (named <paramref name="windows"/>), or <paramref name="threshold"/> is infinite.</exception>
    public PerformanceTrendResult DetectTrend(IReadOnlyList<EstimatedPerformance> windows, EstimatedMetric metric, double threshold)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ThrowIfInfinite(threshold);
        var sign = metric.IsHigherBetter() ? 1.0 : -1.0;
        var values = new double[windows.Count];
        for (var i = 0; i < windows.Count; i++)
        {
            var window = windows[i] ?? throw new ArgumentException($"Window {i} is null.", nameof(windows));
            var value = window.Metrics.FirstOrDefault(m => m.Metric == metric)
                ?? throw new ArgumentException($"Window {i} ({window.Window}) has no estimate of {metric}.", nameof(windows));
            if (!value.IsDefined)
            {
                throw new ArgumentException($"Window {i} ({window.Window}) has an undefined estimate of {metric}.", nameof(windows));
            }

            values[i] = sign * value.Estimate;
        }

        var result = DetectTrend(values, sign * threshold);
        return result with
        {
            IsEstimated = true,
            HigherIsBetter = sign > 0,
            Slope = sign * result.Slope,
            Current = sign * result.Current,
            Projected = sign * result.Projected,
            Threshold = threshold,
        };
    }

    private PerformanceTrendResult Trend(ReadOnlySpan<double> x, ReadOnlySpan<double> values, double threshold)
    {
        // x is shifted so the latest observation sits at 0: the intercept is the fitted current value.
        LinearTrendResult fit;
        try
        {
            fit = LinearTrend.Fit(x, values);
        }
        catch (ArgumentException e) when (e.ParamName == "x")
        {
            // Values near ±double.MaxValue whose fitted line leaves the double range: name this detector's parameter.
            throw new ArgumentException("The trend line of these values is outside the range of a double; " + e.Message, nameof(values), e);
        }

        var horizon = _options.ProjectionHorizon;
        var fittedNow = fit.Intercept;
        double periodsUntil;
        if (double.IsNaN(threshold))
        {
            periodsUntil = double.NaN;
        }
        else if (fittedNow <= threshold)
        {
            periodsUntil = 0;
        }
        else
        {
            periodsUntil = fit.Slope < 0 ? (threshold - fittedNow) / fit.Slope : double.PositiveInfinity;
        }

        var declining = fit.Slope < 0 && fit.PValue < _options.TrendSignificanceLevel;
        return new PerformanceTrendResult
        {
            Count = x.Length,
            HasEnoughData = true,
            Slope = fit.Slope,
            PValue = fit.PValue,
            Current = values[^1],
            Projected = fit.Predict(horizon),
            ProjectionHorizon = horizon,
            Threshold = threshold,
            PeriodsUntilThreshold = periodsUntil,
            IsDeclining = declining,
            Recommendation = declining ? TrendRecommendation.RetrainSoon : TrendRecommendation.ContinueMonitoring,
        };
    }

    private PerformanceTrendResult NotEnough(ReadOnlySpan<double> values, double threshold) => new()
    {
        Count = 0,
        HasEnoughData = false,
        Slope = double.NaN,
        PValue = double.NaN,
        Current = values.IsEmpty ? double.NaN : values[^1],
        Projected = double.NaN,
        ProjectionHorizon = _options.ProjectionHorizon,
        Threshold = threshold,
        PeriodsUntilThreshold = double.NaN,
        Recommendation = TrendRecommendation.ContinueMonitoring,
    };

    private static void ThrowIfNotFinite(ReadOnlySpan<double> values, string paramName)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"Value {i} is {values[i]}; performance values must be finite.", paramName);
            }
        }
    }

    private static void ThrowIfInfinite(double threshold)
    {
        if (double.IsInfinity(threshold))
        {
            throw new ArgumentException("The threshold must be finite (NaN for none).", nameof(threshold));
        }
    }
}
