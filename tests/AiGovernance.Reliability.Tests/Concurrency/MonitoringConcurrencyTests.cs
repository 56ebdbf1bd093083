using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.VendorSla;
using AiGovernance.Scorecards;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Reliability.Tests.Concurrency;

/// <summary>The vendor SLA monitor under concurrent writers and readers, and shared detectors and scorecards used from
/// many threads at once.</summary>
public class MonitoringConcurrencyTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task VendorPerformanceMonitor_ConcurrentWritersAndReaders_CountEveryRecordExactly()
    {
        var time = new FakeTimeProvider(Now);
        var monitor = new VendorPerformanceMonitor("vendor", "classifier",
            new VendorSlaBaseline { Accuracy = 0.5, Precision = 0.5, Recall = 0.5, LatencyP95 = TimeSpan.FromSeconds(1), LatencyP99 = TimeSpan.FromSeconds(2) }, time);
        var writers = AuditLogConcurrencyTests.Writers;
        var perWriter = Stress.Pick(25_000, 500_000);
        using var done = new CancellationTokenSource();
        var readerReports = 0;

        // A reader keeps reporting while the writers log: counts it sees never decrease and never exceed the total.
        var reader = Task.Run(() =>
        {
            var last = 0;
            while (!done.IsCancellationRequested)
            {
                var report = monitor.GetReport();
                Assert.True(report.RecordCount >= last && report.RecordCount <= writers * perWriter, $"record count {report.RecordCount} after {last}");
                last = report.RecordCount;
                readerReports++;
            }
        }, TestContext.Current.CancellationToken);

        await System.Threading.Tasks.Parallel.ForEachAsync(Enumerable.Range(0, writers), AuditLogConcurrencyTests.WriterOptions(), (w, ct) =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                // Every 4th record is stamped before the window (must be excluded, and pruned without losing in-window ones);
                // the rest cycle through TP, FP, FN, TN and unlabelled, with a latency on every other record.
                var stale = i % 4 == 3;
                bool? actual = (i % 5) switch { 0 => true, 1 => false, 2 => true, 3 => false, _ => null };
                var predicted = (i % 5) is 0 or 1;
                monitor.LogPrediction(predicted, actual, i % 2 == 0 ? TimeSpan.FromMilliseconds(i % 1000) : null,
                    stale ? Now - TimeSpan.FromDays(8) : null);
            }

            return ValueTask.CompletedTask;
        });
        await done.CancelAsync();
        await reader;

        var expected = Enumerable.Range(0, perWriter).Where(i => i % 4 != 3).ToArray();
        var final = monitor.GetReport();
        Assert.Equal(writers * expected.Length, final.RecordCount);
        Assert.Equal(writers * expected.Count(i => i % 5 != 4), final.LabelledCount);
        Assert.Equal(writers * expected.Count(i => i % 2 == 0), final.LatencyCount);
        double tp = expected.Count(i => i % 5 == 0), fp = expected.Count(i => i % 5 == 1), fn = expected.Count(i => i % 5 == 2), tn = expected.Count(i => i % 5 == 3);
        Assert.Equal((tp + tn) / (tp + fp + fn + tn), final.Accuracy, 12);
        Assert.Equal(tp / (tp + fp), final.Precision, 12);
        Assert.Equal(tp / (tp + fn), final.Recall, 12);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"vendor monitor: {writers} writers × {perWriter} = {writers * perWriter} records ({final.RecordCount} in window, exact), {readerReports} concurrent reports");
    }

    [Fact]
    public async Task SharedDriftDetectorAndScorecard_UsedFromManyThreads_GiveTheSequentialResults()
    {
        var random = new Random(7);
        double[] Column(double shift, int n) => Enumerable.Range(0, n).Select(_ => random.NextDouble() + shift).ToArray();
        var reference = new TabularDataBuilder().AddNumeric("x", Column(0, 2_000)).AddNumeric("y", Column(1, 2_000))
            .AddCategorical("c", Enumerable.Range(0, 2_000).Select(i => (i % 3).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray<string?>()).Build();
        var windows = Enumerable.Range(0, 16).Select(k => new TabularDataBuilder().AddNumeric("x", Column(k * 0.02, 500)).AddNumeric("y", Column(1, 500))
            .AddCategorical("c", Enumerable.Range(0, 500).Select(i => (i % (k % 3 + 2)).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray<string?>()).Build()).ToArray();
        var detector = new DataDriftDetector(timeProvider: new FakeTimeProvider(Now));
        var fitted = detector.Fit(reference);
        var expected = windows.Select(w => detector.Compare(fitted, w).ToJson()).ToArray();

        var scorecard = new BalancedScorecard([
            new ScorecardMetric("accuracy", ScorecardDimension.Technical, MetricDirection.HigherIsBetter, 0.5, 0.95),
            new ScorecardMetric("roi", ScorecardDimension.Business, MetricDirection.HigherIsBetter, 0, 2),
            new ScorecardMetric("incidents", ScorecardDimension.Risk, MetricDirection.LowerIsBetter, 10, 0)]);
        MetricReading[] Readings(int k) => [new("accuracy", 0.5 + (k * 0.01)), new("roi", k * 0.1), new("incidents", k % 10)];
        var expectedHealth = Enumerable.Range(0, 64).Select(k => scorecard.Evaluate("system", "p" + k, Readings(k)).OverallHealth).ToArray();

        var rounds = Stress.Pick(20, 400);
        await System.Threading.Tasks.Parallel.ForEachAsync(Enumerable.Range(0, rounds * windows.Length), AuditLogConcurrencyTests.WriterOptions(), (i, ct) =>
        {
            var k = i % windows.Length;
            Assert.Equal(expected[k], detector.Compare(fitted, windows[k]).ToJson());
            for (var j = 0; j < 4; j++)
            {
                var m = (i * 4 + j) % expectedHealth.Length;
                Assert.Equal(expectedHealth[m], scorecard.Evaluate("system", "p" + m, Readings(m)).OverallHealth);
            }

            return ValueTask.CompletedTask;
        });
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"shared detector: {rounds * windows.Length} concurrent drift comparisons and {rounds * windows.Length * 4} scorecard evaluations equal to the sequential results");
    }
}
