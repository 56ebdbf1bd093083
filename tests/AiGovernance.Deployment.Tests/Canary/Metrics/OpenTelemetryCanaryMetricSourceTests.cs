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

    private static void Record(Histogram<double> histogram, string rollout, string variant, double seconds, bool error) =>
        histogram.Record(seconds, new KeyValuePair<string, object?>("rollout", rollout), new KeyValuePair<string, object?>("variant", variant),
            new KeyValuePair<string, object?>("outcome", error ? "error" : "success"));
}
