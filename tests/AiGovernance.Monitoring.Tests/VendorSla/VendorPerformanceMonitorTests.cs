using AiGovernance.Monitoring.VendorSla;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Monitoring.Tests.VendorSla;

public class VendorPerformanceMonitorTests
{
    private static readonly VendorSlaBaseline Contract = new()
    {
        Accuracy = 0.90,
        Precision = 0.85,
        Recall = 0.80,
        LatencyP95 = TimeSpan.FromMilliseconds(100),
        LatencyP99 = TimeSpan.FromMilliseconds(150),
    };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 10, 12, 0, 0, TimeSpan.Zero));

    private VendorPerformanceMonitor Create(VendorSlaOptions? options = null) => new("Acme AI", "fraud-score", Contract, _time, options);

    /// <summary>Logs <paramref name="correct"/> correct and <paramref name="wrong"/> wrong predictions, half positive.</summary>
    private static void LogAccuracy(VendorPerformanceMonitor monitor, int correct, int wrong, double latencyMs = 50)
    {
        for (var i = 0; i < correct; i++)
        {
            monitor.LogPrediction(i % 2 == 0, i % 2 == 0, TimeSpan.FromMilliseconds(latencyMs));
        }

        for (var i = 0; i < wrong; i++)
        {
            monitor.LogPrediction(i % 2 == 0, i % 2 != 0, TimeSpan.FromMilliseconds(latencyMs));
        }
    }

    [Fact]
    public void GetReport_BelowHundredLabelled_InsufficientData_NoViolationsJudged()
    {
        var monitor = Create();
        LogAccuracy(monitor, 0, 99);
        for (var i = 0; i < 500; i++)
        {
            monitor.LogPrediction(true);
        }

        var report = monitor.GetReport();

        Assert.Equal(VendorSlaStatus.InsufficientData, report.Status);
        Assert.Equal(99, report.LabelledCount);
        Assert.Equal(599, report.RecordCount);
        Assert.Equal(0, report.Accuracy);
        Assert.Empty(report.Violations);
    }

    [Fact]
    public void GetReport_HundredLabelled_IsJudged()
    {
        var monitor = Create();
        LogAccuracy(monitor, 0, 100);
        Assert.Equal(VendorSlaStatus.Violated, monitor.GetReport().Status);
    }

    [Fact]
    public void GetReport_SignificantAccuracyShortfall_ViolatedWithZTestPValue()
    {
        var monitor = Create();
        LogAccuracy(monitor, 150, 50);

        var report = monitor.GetReport();

        Assert.Equal(VendorSlaStatus.Violated, report.Status);
        var accuracy = Assert.Single(report.Violations, v => v.Metric == VendorSlaMetric.Accuracy);
        Assert.Equal(0.75, accuracy.Observed, 12);
        Assert.Equal(0.88, accuracy.Limit, 12);
        // statsmodels proportions_ztest(150, 200, 0.88, alternative='smaller')
        Assert.Equal(1.0891606577833477e-05, accuracy.PValue, 1.0891606577833477e-05 * 1e-7);
    }

    [Fact]
    public void GetReport_ShortfallWithinNoise_Compliant()
    {
        var monitor = Create(new VendorSlaOptions { MetricTolerance = 0.02 });
        LogAccuracy(monitor, 85, 15);

        var report = monitor.GetReport();

        // 0.85 < 0.88 but proportions_ztest(85, 100, 0.88, 'smaller') p = 0.200 > 0.05: not a violation.
        Assert.Equal(0.85, report.Accuracy, 12);
        Assert.DoesNotContain(report.Violations, v => v.Metric == VendorSlaMetric.Accuracy);
    }

    [Fact]
    public void GetReport_PrecisionAndRecall_FromConfusionCounts()
    {
        var monitor = Create();
        for (var i = 0; i < 60; i++) { monitor.LogPrediction(true, true); }   // TP
        for (var i = 0; i < 20; i++) { monitor.LogPrediction(true, false); }  // FP
        for (var i = 0; i < 40; i++) { monitor.LogPrediction(false, true); }  // FN
        for (var i = 0; i < 80; i++) { monitor.LogPrediction(false, false); } // TN

        var report = monitor.GetReport();

        Assert.Equal(140.0 / 200, report.Accuracy, 12);
        Assert.Equal(60.0 / 80, report.Precision, 12);
        Assert.Equal(60.0 / 100, report.Recall, 12);
        Assert.True(double.IsNaN(report.LatencyP95Milliseconds));
        Assert.Contains(report.Violations, v => v.Metric == VendorSlaMetric.Recall);
    }

    [Fact]
    public void GetReport_LatencyP95AboveTolerance_Significant_Violated()
    {
        var monitor = Create();
        LogAccuracy(monitor, 180, 0, latencyMs: 50);
        LogAccuracy(monitor, 20, 0, latencyMs: 200);

        var report = monitor.GetReport();

        Assert.Equal(200, report.LatencyP95Milliseconds, 9); // numpy.percentile(..., 95)
        var p95 = Assert.Single(report.Violations, v => v.Metric == VendorSlaMetric.LatencyP95);
        Assert.Equal(120, p95.Limit, 9);
        // statsmodels proportions_ztest(20, 200, 0.05, alternative='larger')
        Assert.Equal(0.009211062727049501, p95.PValue, 0.009211062727049501 * 1e-7);
    }

    [Fact]
    public void GetReport_LatencyP95AboveToleranceByFewCalls_NotSignificant()
    {
        var monitor = Create();
        LogAccuracy(monitor, 187, 0, latencyMs: 50);
        LogAccuracy(monitor, 13, 0, latencyMs: 130);

        var report = monitor.GetReport();

        Assert.Equal(130, report.LatencyP95Milliseconds, 9);
        Assert.Equal(VendorSlaStatus.Compliant, report.Status); // proportions_ztest(13, 200, 0.05, 'larger') p = 0.195
    }

    [Fact]
    public void GetReport_WindowEdges_ExclusiveStartInclusiveEnd()
    {
        var monitor = Create();
        var now = _time.GetUtcNow();
        monitor.LogPrediction(true, true, timestamp: now - TimeSpan.FromDays(7));                          // on the start: out
        monitor.LogPrediction(true, true, timestamp: now - TimeSpan.FromDays(7) + TimeSpan.FromTicks(1)); // just inside
        monitor.LogPrediction(true, true, timestamp: now);                                                 // on the end: in
        monitor.LogPrediction(true, true, timestamp: now + TimeSpan.FromTicks(1));                         // future: out

        var report = monitor.GetReport();

        Assert.Equal(2, report.RecordCount);
        Assert.Equal(now - TimeSpan.FromDays(7), report.WindowStart);
        Assert.Equal(now, report.WindowEnd);
    }

    [Fact]
    public void GetReport_RecordsAgeOutAsTimeAdvances()
    {
        var monitor = Create();
        LogAccuracy(monitor, 0, 150);
        Assert.Equal(VendorSlaStatus.Violated, monitor.GetReport().Status);

        _time.Advance(TimeSpan.FromDays(6));
        LogAccuracy(monitor, 100, 0);
        Assert.Equal(250, monitor.GetReport().RecordCount);

        _time.Advance(TimeSpan.FromDays(1));
        var report = monitor.GetReport();
        Assert.Equal(100, report.RecordCount);
        Assert.Equal(VendorSlaStatus.Compliant, report.Status);
    }

    [Fact]
    public void GetReport_CustomWindow()
    {
        var monitor = Create(new VendorSlaOptions { Window = TimeSpan.FromDays(1) });
        monitor.LogPrediction(true, true);
        _time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, monitor.GetReport().RecordCount);
    }

    [Fact]
    public async Task LogPrediction_Concurrent_LosesNothing()
    {
        var monitor = Create();
        await Parallel.ForAsync(0, 20_000, TestContext.Current.CancellationToken, (i, _) =>
        {
            monitor.LogPrediction(i % 2 == 0, i % 3 == 0, TimeSpan.FromMilliseconds(i % 100));
            return ValueTask.CompletedTask;
        });
        var report = monitor.GetReport();
        Assert.Equal(20_000, report.RecordCount);
        Assert.Equal(20_000, report.LabelledCount);
    }

    [Fact]
    public void Constructor_BadBaseline_NamesArgument()
    {
        var ex = Assert.Throws<ArgumentException>(() => new VendorPerformanceMonitor("v", "c", Contract with { Accuracy = 1.2 }, _time));
        Assert.Equal("baseline", ex.ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => Create(new VendorSlaOptions { Window = TimeSpan.Zero })).ParamName);
    }

    [Fact]
    public void LogPrediction_NegativeLatency_NamesArgument() =>
        Assert.Equal("latency", Assert.Throws<ArgumentOutOfRangeException>(() => Create().LogPrediction(true, latency: TimeSpan.FromMilliseconds(-1))).ParamName);

    [Fact]
    public void Report_JsonRoundTrip_AndMarkdown()
    {
        var monitor = Create();
        LogAccuracy(monitor, 150, 50, latencyMs: 80);
        var report = monitor.GetReport();

        var back = VendorSlaReport.FromJson(report.ToJson());

        Assert.Equal(report.Violations, back.Violations);
        Assert.Equal(report.Baseline, back.Baseline);
        Assert.Equal(report with { Violations = back.Violations }, back);
        var markdown = report.ToMarkdown();
        Assert.Contains("SLA status: **VIOLATED**", markdown, StringComparison.Ordinal);
        Assert.Contains("| Accuracy | 0.750 | 0.900 |", markdown, StringComparison.Ordinal);
        Assert.Contains("Accuracy SLA violation", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_InsufficientData_JsonKeepsNaN()
    {
        var report = Create().GetReport();
        var back = VendorSlaReport.FromJson(report.ToJson());
        Assert.True(double.IsNaN(back.Accuracy));
        Assert.Equal(VendorSlaStatus.InsufficientData, back.Status);
    }
}
