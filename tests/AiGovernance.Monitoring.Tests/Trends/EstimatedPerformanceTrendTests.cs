using AiGovernance.Monitoring.PerformanceEstimation;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Monitoring.Trends;

namespace AiGovernance.Monitoring.Tests.Trends;

public class EstimatedPerformanceTrendTests
{
    private static EstimatedPerformance Window(int week, EstimatedMetric metric, double value) => new()
    {
        Window = $"2026-W{week}",
        Estimator = metric.IsHigherBetter() ? "CBPE" : "DLE",
        Count = 5000,
        ConfidenceLevel = 0.95,
        Metrics = [new EstimatedMetricValue(metric, value, 0.005, value - 0.01, value + 0.01, metric.IsHigherBetter() ? 0.91 : 0.5, "test")],
    };

    [Fact]
    public void DetectTrend_OnEstimatedAccuracy_ProjectsTheBreachBeforeLabelsArrive()
    {
        // Estimated accuracy falling 0.005 a week from 0.91: the 0.85 limit is 12 weeks after week 0, 5 after the latest.
        var windows = Enumerable.Range(0, 8).Select(t => Window(27 + t, EstimatedMetric.Accuracy, 0.91 - (0.005 * t))).ToList();
        var trend = new ConceptDriftDetector().DetectTrend(windows, EstimatedMetric.Accuracy, 0.85);
        Assert.True(trend.IsEstimated);
        Assert.True(trend.IsDeclining);
        Assert.Equal(-0.005, trend.Slope, 10);
        Assert.Equal(5, trend.PeriodsUntilThreshold, 8);
        Assert.Equal(TrendRecommendation.RetrainSoon, trend.Recommendation);
        var driftEvent = trend.ToDriftEvent("credit", "accuracy");
        Assert.Equal(DriftEventKind.PerformanceTrend, driftEvent.Kind);
        Assert.StartsWith("estimated (no labels) accuracy slope", driftEvent.Summary, StringComparison.Ordinal);
        Assert.Equal(0.035, driftEvent.Degradation, 10);
    }

    [Fact]
    public void DetectTrend_OnAnErrorMetric_ReportsOnItsOwnScale_AndRisingIsDeclining()
    {
        // Estimated MAE rising 0.01 a period from 0.50 towards a limit of 0.62.
        var windows = Enumerable.Range(0, 7).Select(t => Window(t, EstimatedMetric.MeanAbsoluteError, 0.50 + (0.01 * t))).ToList();
        var trend = new ConceptDriftDetector().DetectTrend(windows, EstimatedMetric.MeanAbsoluteError, 0.62);
        Assert.Equal(0.01, trend.Slope, 10);
        Assert.Equal(0.56, trend.Current, 10);
        Assert.Equal(0.63, trend.Projected, 10);
        Assert.Equal(0.62, trend.Threshold);
        Assert.Equal(6, trend.PeriodsUntilThreshold, 8);
        Assert.True(trend.IsDeclining);
        Assert.False(trend.HigherIsBetter);
        Assert.Equal(0.07, trend.ToDriftEvent("pricing", "MAE").Degradation, 10);
    }

    [Fact]
    public void DetectTrend_WindowWithoutTheMetric_NamesIt()
    {
        var e = Assert.Throws<ArgumentException>(() => new ConceptDriftDetector().DetectTrend([Window(1, EstimatedMetric.Accuracy, 0.9)], EstimatedMetric.RocAuc, 0.8));
        Assert.Equal("windows", e.ParamName);
        Assert.Contains("2026-W1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DetectTrend_UndefinedEstimate_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new ConceptDriftDetector().DetectTrend([Window(1, EstimatedMetric.Accuracy, double.NaN)], EstimatedMetric.Accuracy, 0.8));
        Assert.Contains("undefined estimate", e.Message, StringComparison.Ordinal);
    }
}
