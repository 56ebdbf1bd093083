using System.Diagnostics.Metrics;
using AiGovernance.Deployment.Canary.Metrics;
using AiGovernance.Deployment.Recording;

namespace AiGovernance.Deployment.Tests.Canary.Metrics;

public sealed class OpenTelemetryCanaryMetricSourceTests
{
    [Fact]
    public async Task ReadAsync_HistogramMeasurements_RecordedPerVariantAndOutcome()
    {
        var meterName = "Tests." + Guid.NewGuid().ToString("N");
        using var meter = new Meter(meterName);
        var histogram = meter.CreateHistogram<double>(CanaryInstruments.RequestDuration, "s");
        using var source = new OpenTelemetryCanaryMetricSource(new OpenTelemetryCanaryMetricSourceOptions { MeterName = meterName });
        var expected = new CanaryRecorder();

        Record(histogram, "r", "baseline", 0.020, error: false);
        Record(histogram, "r", "baseline", 0.030, error: true);
        Record(histogram, "r", "candidate", 0.045, error: false);
        expected.Baseline.Record(TimeSpan.FromMilliseconds(20));
        expected.Baseline.Record(TimeSpan.FromMilliseconds(30), isError: true);
        expected.Candidate.Record(TimeSpan.FromMilliseconds(45));

        var now = TimeProvider.System.GetUtcNow();
        var snapshot = await source.ReadAsync(new CanaryMetricQuery("r", now.AddMinutes(-1), now), TestContext.Current.CancellationToken);

        Assert.Equal(2, snapshot.Baseline.Requests);
        Assert.Equal(1, snapshot.Baseline.Errors);
        Assert.Equal(1, snapshot.Candidate.Requests);
        Assert.Equal(expected.Snapshot().Baseline.Latency.BucketCounts.ToArray(), snapshot.Baseline.Latency.BucketCounts.ToArray());
        Assert.Equal(expected.Snapshot().Candidate.Latency.BucketCounts.ToArray(), snapshot.Candidate.Latency.BucketCounts.ToArray());
    }

    [Fact]
    public void Record_WithoutRolloutOrUnknownVariantOrNegative_DroppedAndCounted()
    {
        var meterName = "Tests." + Guid.NewGuid().ToString("N");
        using var meter = new Meter(meterName);
        var histogram = meter.CreateHistogram<double>(CanaryInstruments.RequestDuration, "s");
        using var source = new OpenTelemetryCanaryMetricSource(new OpenTelemetryCanaryMetricSourceOptions { MeterName = meterName });

        histogram.Record(0.01, new KeyValuePair<string, object?>("variant", "baseline"));
        Record(histogram, "r", "shadow", 0.01, error: false);
        Record(histogram, "r", "baseline", -1, error: false);
        Record(histogram, "r", "baseline", double.NaN, error: false);

        Assert.Equal(4, source.DroppedMeasurements);
        Assert.Equal(0, source.Snapshot("r").Baseline.Requests);
    }

    [Fact]
    public void Record_OtherMeterWithSameInstrumentName_NotRecorded()
    {
        using var other = new Meter("Tests.Other." + Guid.NewGuid().ToString("N"));
        var histogram = other.CreateHistogram<double>(CanaryInstruments.RequestDuration, "s");
        using var source = new OpenTelemetryCanaryMetricSource(new OpenTelemetryCanaryMetricSourceOptions { MeterName = "Tests.Mine" });

        Record(histogram, "r", "baseline", 0.01, error: false);

        Assert.Equal(0, source.Snapshot("r").Baseline.Requests);
    }

    [Fact]
    public void Record_MoreRolloutsThanAllowed_ExtraRolloutsDropped()
    {
        var meterName = "Tests." + Guid.NewGuid().ToString("N");
        using var meter = new Meter(meterName);
        var histogram = meter.CreateHistogram<double>(CanaryInstruments.RequestDuration, "s");
        using var source = new OpenTelemetryCanaryMetricSource(new OpenTelemetryCanaryMetricSourceOptions { MeterName = meterName, MaxRollouts = 1 });

        Record(histogram, "first", "baseline", 0.01, error: false);
        Record(histogram, "second", "baseline", 0.01, error: false);

        Assert.Equal(1, source.Snapshot("first").Baseline.Requests);
        Assert.Equal(0, source.Snapshot("second").Baseline.Requests);
        Assert.Equal(1, source.DroppedMeasurements);
    }

    [Fact]
    public void Record_FloatLongAndIntHistograms_AreRecordedInTheMeasurementUnit()
    {
        var meterName = "Tests." + Guid.NewGuid().ToString("N");
        using var meter = new Meter(meterName);
        using var source = new OpenTelemetryCanaryMetricSource(
            new OpenTelemetryCanaryMetricSourceOptions { MeterName = meterName, MeasurementUnit = TimeSpan.FromMilliseconds(1) });

        meter.CreateHistogram<float>(CanaryInstruments.RequestDuration, "ms").Record(20f, Tags("r", "baseline"));
        meter.CreateHistogram<long>(CanaryInstruments.RequestDuration, "ms").Record(30L, Tags("r", "baseline"));
        meter.CreateHistogram<int>(CanaryInstruments.RequestDuration, "ms").Record(45, Tags("r", "candidate"));

        var expected = new CanaryRecorder();
        expected.Baseline.Record(TimeSpan.FromMilliseconds(20));
        expected.Baseline.Record(TimeSpan.FromMilliseconds(30));
        expected.Candidate.Record(TimeSpan.FromMilliseconds(45));
        var snapshot = source.Snapshot("r");
        Assert.Equal(expected.Snapshot().Baseline.Latency.BucketCounts.ToArray(), snapshot.Baseline.Latency.BucketCounts.ToArray());
        Assert.Equal(expected.Snapshot().Candidate.Latency.BucketCounts.ToArray(), snapshot.Candidate.Latency.BucketCounts.ToArray());
        Assert.Equal(0, source.DroppedMeasurements);
    }

    [Fact]
    public void Record_ZeroLatency_IsRecorded()
    {
        var meterName = "Tests." + Guid.NewGuid().ToString("N");
        using var meter = new Meter(meterName);
        var histogram = meter.CreateHistogram<double>(CanaryInstruments.RequestDuration, "s");
        using var source = new OpenTelemetryCanaryMetricSource(new OpenTelemetryCanaryMetricSourceOptions { MeterName = meterName });

        Record(histogram, "r", "candidate", 0.0, error: false);

        Assert.Equal(1, source.Snapshot("r").Candidate.Requests);
        Assert.Equal(0, source.DroppedMeasurements);
    }

    [Fact]
    public void Record_WithoutOutcomeTag_CountsAsASuccess()
    {
        var meterName = "Tests." + Guid.NewGuid().ToString("N");
        using var meter = new Meter(meterName);
        var histogram = meter.CreateHistogram<double>(CanaryInstruments.RequestDuration, "s");
        using var source = new OpenTelemetryCanaryMetricSource(new OpenTelemetryCanaryMetricSourceOptions { MeterName = meterName });

        histogram.Record(0.01, Tags("r", "baseline"));

        Assert.Equal(1, source.Snapshot("r").Baseline.Requests);
        Assert.Equal(0, source.Snapshot("r").Baseline.Errors);
    }

    [Fact]
    public async Task ReadAsync_CanceledToken_Throws()
    {
        using var source = new OpenTelemetryCanaryMetricSource(new OpenTelemetryCanaryMetricSourceOptions { MeterName = "Tests.Canceled" });
        var now = TimeProvider.System.GetUtcNow();
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await source.ReadAsync(new CanaryMetricQuery("r", now.AddMinutes(-1), now), canceled.Token));
    }

    [Fact]
    public async Task Guards()
    {
        Assert.Equal("options",
            Assert.Throws<ArgumentNullException>(() => new OpenTelemetryCanaryMetricSource((OpenTelemetryCanaryMetricSourceOptions)null!)).ParamName);
        var invalid = Assert.Throws<ArgumentException>(() => new OpenTelemetryCanaryMetricSource(new OpenTelemetryCanaryMetricSourceOptions { MaxRollouts = 0 }));
        Assert.Equal("options", invalid.ParamName);
        Assert.Contains(nameof(OpenTelemetryCanaryMetricSourceOptions.MaxRollouts), invalid.Message, StringComparison.Ordinal);
        using var source = new OpenTelemetryCanaryMetricSource(new OpenTelemetryCanaryMetricSourceOptions { MeterName = "Tests.Guards" });
        Assert.Equal("rollout", Assert.Throws<ArgumentNullException>(() => source.Snapshot(null!)).ParamName);
        var ex = await Assert.ThrowsAsync<ArgumentNullException>(async () => await source.ReadAsync(null!, TestContext.Current.CancellationToken));
        Assert.Equal("query", ex.ParamName);
    }

    private static KeyValuePair<string, object?>[] Tags(string rollout, string variant) =>
        [new("rollout", rollout), new("variant", variant)];

    private static void Record(Histogram<double> histogram, string rollout, string variant, double seconds, bool error) =>
        histogram.Record(seconds, new KeyValuePair<string, object?>("rollout", rollout), new KeyValuePair<string, object?>("variant", variant),
            new KeyValuePair<string, object?>("outcome", error ? "error" : "success"));
}
