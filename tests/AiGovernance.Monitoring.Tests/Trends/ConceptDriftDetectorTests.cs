using AiGovernance.Monitoring.Responses;
using AiGovernance.Monitoring.Trends;

namespace AiGovernance.Monitoring.Tests.Trends;

public class ConceptDriftDetectorTests
{
    private readonly ConceptDriftDetector _detector = new();

    [Fact]
    public void DetectDegradation_DropAboveThreshold_Drifted()
    {
        var result = _detector.DetectDegradation([0.80, 0.91, 0.90, 0.92, 0.91], 0.85);
        Assert.True(result.HasEnoughHistory);
        Assert.Equal(0.91, result.TrailingMean, 12); // mean of the last 4
        Assert.Equal(0.06, result.Degradation, 12);
        Assert.True(result.IsDrifted);
    }

    [Fact]
    public void DetectDegradation_DropAtThreshold_NotDrifted()
    {
        var result = _detector.DetectDegradation([0.90, 0.90, 0.90, 0.90], 0.875);
        Assert.Equal(0.025, result.Degradation, 12);
        Assert.False(result.IsDrifted);
    }

    [Fact]
    public void DetectDegradation_ShortHistory_NotDrifted()
    {
        var result = _detector.DetectDegradation([0.9, 0.9, 0.9], 0.1);
        Assert.False(result.HasEnoughHistory);
        Assert.False(result.IsDrifted);
        Assert.True(double.IsNaN(result.TrailingMean));
    }

    [Fact]
    public void DetectDegradation_CustomWindow()
    {
        var detector = new ConceptDriftDetector(new ConceptDriftOptions { WindowSize = 2, DegradationThreshold = 0.01 });
        var result = detector.DetectDegradation([0.5, 0.9, 0.9], 0.88);
        Assert.Equal(0.9, result.TrailingMean, 12);
        Assert.True(result.IsDrifted);
    }

    [Fact]
    public void DetectDegradation_ToDriftEvent_ClassifiesAsHigh()
    {
        var drift = _detector.DetectDegradation([0.90, 0.90, 0.90, 0.90], 0.84).ToDriftEvent("churn", "accuracy");
        Assert.Equal(DriftEventKind.ConceptDrift, drift.Kind);
        Assert.Equal(0.06, drift.Degradation, 12);
        Assert.Equal(AiGovernance.Core.Severity.High, new DriftSeverityPolicy().Classify(drift.Psi, drift.Degradation));
    }

    [Fact]
    public void DetectTrend_MatchesScipyLinregress()
    {
        double[] y = [0.95, 0.99, 0.90, 0.897, 0.895, 0.89, 0.889, 0.884, 0.882];

        var trend = _detector.DetectTrend(y, threshold: 0.85);

        // scipy.stats.linregress(np.arange(7) - 6, y[-7:])
        Assert.Equal(7, trend.Count);
        Assert.Equal(-0.003071428571428574, trend.Slope, 1e-15);
        Assert.Equal(8.481088843970963e-06, trend.PValue, 8.481088843970963e-06 * 1e-7);
        Assert.Equal(0.8602857142857143, trend.Projected, 1e-12); // 7 periods after the latest
        Assert.Equal(10.348837209302324, trend.PeriodsUntilThreshold, 1e-9);
        Assert.Equal(0.882, trend.Current);
        Assert.True(trend.IsDeclining);
        Assert.Equal(TrendRecommendation.RetrainSoon, trend.Recommendation);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void DetectTrend_ZeroPointThreePercentDailyDecline_FiresWithinSevenDays_BeforeFivePercentBreaks(int seed)
    {
        const double baseline = 0.90, dailyDrop = 0.003, threshold = baseline - 0.05;
        var noise = Synthetic.Normal(30, 0, 0.002, seed);
        var history = new List<double>();
        int? firedOnDay = null;
        for (var day = 0; day < 30 && firedOnDay is null; day++)
        {
            history.Add(baseline - dailyDrop * day + noise[day]);
            var trend = _detector.DetectTrend(history.ToArray(), threshold);
            if (trend.Recommendation == TrendRecommendation.RetrainSoon)
            {
                firedOnDay = day;
                Assert.True(trend.Current > threshold, "the 5% threshold must not have broken yet");
                Assert.InRange(trend.PeriodsUntilThreshold, 5, 14);
            }
        }

        // The threshold breaks on about day 17 (0.05 / 0.003); the trend must fire within the first 7 days of data.
        Assert.NotNull(firedOnDay);
        Assert.InRange(firedOnDay!.Value, 6, 6);
    }

    [Fact]
    public void DetectTrend_StableNoise_FalseAlarmRateNearLevel()
    {
        var alarms = 0;
        const int runs = 400;
        for (var seed = 0; seed < runs; seed++)
        {
            var values = Synthetic.Normal(7, 0.9, 0.01, 1000 + seed);
            if (_detector.DetectTrend(values, double.NaN).IsDeclining)
            {
                alarms++;
            }
        }

        // One-sided use of a two-sided 5% test: about 2.5% alarms expected.
        Assert.InRange(alarms / (double)runs, 0.0, 0.06);
    }

    [Fact]
    public void DetectTrend_TooFewPeriods_ContinueMonitoring()
    {
        var trend = _detector.DetectTrend([0.9, 0.8, 0.7, 0.6, 0.5, 0.4], 0.3);
        Assert.False(trend.HasEnoughData);
        Assert.Equal(TrendRecommendation.ContinueMonitoring, trend.Recommendation);
        Assert.True(double.IsNaN(trend.Slope));
    }

    [Fact]
    public void DetectTrend_Rising_NeverCrossesThreshold()
    {
        var trend = _detector.DetectTrend([0.80, 0.81, 0.82, 0.83, 0.84, 0.85, 0.86], 0.7);
        Assert.False(trend.IsDeclining);
        Assert.Equal(double.PositiveInfinity, trend.PeriodsUntilThreshold);
    }

    [Fact]
    public void DetectTrend_AlreadyBelowThreshold_ZeroPeriods() =>
        Assert.Equal(0, _detector.DetectTrend([0.80, 0.79, 0.78, 0.77, 0.76, 0.75, 0.74], 0.8).PeriodsUntilThreshold);

    [Fact]
    public void DetectTrend_IrregularTimestamps_SlopePerPeriod()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        double[] days = [0, 1, 2.5, 3, 5, 8, 9];
        var times = days.Select(d => start.AddDays(d)).ToArray();
        var values = days.Select(d => 0.9 - 0.004 * d).ToArray();

        var trend = _detector.DetectTrend(times, values, TimeSpan.FromDays(1), 0.85);

        Assert.Equal(-0.004, trend.Slope, 1e-12);
        Assert.Equal(0.9 - 0.004 * 16, trend.Projected, 1e-12);
        Assert.Equal((0.85 - (0.9 - 0.004 * 9)) / -0.004, trend.PeriodsUntilThreshold, 1e-9);
        Assert.True(trend.IsDeclining);

        var hourly = _detector.DetectTrend(times, values, TimeSpan.FromHours(12), 0.85);
        Assert.Equal(-0.002, hourly.Slope, 1e-12);
    }

    [Fact]
    public void DetectTrend_BadInput_NamesArguments()
    {
        var t = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => _detector.DetectTrend([0.9, double.NaN], 0.8)).ParamName);
        Assert.Equal("timestamps", Assert.Throws<ArgumentException>(() => _detector.DetectTrend([t.AddDays(1), t], [0.9, 0.8], TimeSpan.FromDays(1), 0.8)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => _detector.DetectTrend([t], [0.9, 0.8], TimeSpan.FromDays(1), 0.8)).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentOutOfRangeException>(() => _detector.DetectTrend([t], [0.9], TimeSpan.Zero, 0.8)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => new ConceptDriftDetector(new ConceptDriftOptions { TrendPeriods = 2 })).ParamName);
    }

    [Fact]
    public void TrendResult_ToDriftEvent_UsesProjectedDrop()
    {
        var trend = _detector.DetectTrend([0.90, 0.897, 0.895, 0.89, 0.889, 0.884, 0.882], 0.85);
        var drift = trend.ToDriftEvent("churn", "accuracy");
        Assert.Equal(DriftEventKind.PerformanceTrend, drift.Kind);
        Assert.Equal(0.882 - 0.8602857142857143, drift.Degradation, 1e-12);
    }
}
