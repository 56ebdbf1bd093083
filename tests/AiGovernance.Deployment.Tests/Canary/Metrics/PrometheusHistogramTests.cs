using AiGovernance.Deployment.Canary.Metrics;
using AiGovernance.Deployment.Recording;

namespace AiGovernance.Deployment.Tests.Canary.Metrics;

public sealed class PrometheusHistogramTests
{
    private static readonly TimeSpan Seconds = TimeSpan.FromSeconds(1);

    [Fact]
    public void ToLatencyHistogram_BucketsPlacedAtUpperBound_QuantileIsTheBound()
    {
        // 10 requests in (0, 0.01], 80 in (0.01, 0.05], 10 in (0.05, 0.1]: P95 lies in (0.05, 0.1] and is reported as 100 ms.
        (double, long)[] buckets = [(0.01, 10), (0.05, 90), (0.1, 100), (double.PositiveInfinity, 100)];

        var histogram = PrometheusHistogram.ToLatencyHistogram(buckets, Seconds, "q");

        Assert.Equal(100, histogram.TotalCount);
        Assert.Equal(100.0, histogram.QuantileMilliseconds(0.95), 100.0 * LatencyHistogramSnapshot.MaxRelativeError);
        Assert.Equal(50.0, histogram.QuantileMilliseconds(0.50), 50.0 * LatencyHistogramSnapshot.MaxRelativeError);
    }

    [Fact]
    public void ToLatencyHistogram_ValuesInsideBuckets_QuantileAtMostOneBucketWidthAboveTruth()
    {
        var recorder = new VariantRecorder(1);
        double[] bounds = [0.005, 0.010, 0.025, 0.050, 0.100];
        var cumulative = new long[bounds.Length];
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var seconds = 0.001 + (random.NextDouble() * 0.098);
            recorder.Record(TimeSpan.FromSeconds(seconds));
            for (var b = 0; b < bounds.Length; b++)
            {
                cumulative[b] += seconds <= bounds[b] ? 1 : 0;
            }
        }

        var buckets = bounds.Select((bound, b) => (bound, cumulative[b])).Append((double.PositiveInfinity, 2000L)).ToList();
        var converted = PrometheusHistogram.ToLatencyHistogram(buckets, Seconds, "q");
        var exact = recorder.Snapshot().Latency;

        foreach (var q in new[] { 0.5, 0.9, 0.95, 0.99 })
        {
            var truth = exact.QuantileMilliseconds(q);
            var fromPrometheus = converted.QuantileMilliseconds(q);
            var upper = bounds.First(b => b * 1000 >= truth * (1 - LatencyHistogramSnapshot.MaxRelativeError)) * 1000;
            var lower = bounds.LastOrDefault(b => b * 1000 < upper) * 1000;
            Assert.InRange(fromPrometheus, truth * (1 - LatencyHistogramSnapshot.MaxRelativeError), truth + (upper - lower) + (upper / 256));
        }
    }

    [Fact]
    public void ToLatencyHistogram_RequestsAboveLargestBound_CountedAtTheLastBucket()
    {
        (double, long)[] buckets = [(0.1, 90), (double.PositiveInfinity, 100)];

        var histogram = PrometheusHistogram.ToLatencyHistogram(buckets, Seconds, "q");

        Assert.Equal(10, histogram.BucketCounts[LatencyHistogramSnapshot.BucketCount - 1]);
        Assert.True(histogram.ValueAtQuantile(0.95) > TimeSpan.FromHours(30));
    }

    [Fact]
    public void ToLatencyHistogram_MillisecondBounds_ScaledByUnit()
    {
        (double, long)[] buckets = [(250, 4), (double.PositiveInfinity, 4)];

        var histogram = PrometheusHistogram.ToLatencyHistogram(buckets, TimeSpan.FromMilliseconds(1), "q");

        Assert.Equal(4, histogram.BucketCounts[LatencyHistogramSnapshot.BucketIndexOf(TimeSpan.FromMilliseconds(250))]);
    }

    [Fact]
    public void ToLatencyHistogram_WithoutInfBucket_ThrowsNamingQuery()
    {
        var ex = Assert.Throws<CanaryMetricException>(() => PrometheusHistogram.ToLatencyHistogram([(0.1, 5)], Seconds, "my_query"));

        Assert.Contains("my_query", ex.Message, StringComparison.Ordinal);
        Assert.Contains("+Inf", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToLatencyHistogram_DecreasingCumulativeCounts_Throws()
    {
        (double, long)[] buckets = [(0.1, 5), (0.2, 4), (double.PositiveInfinity, 6)];

        var ex = Assert.Throws<CanaryMetricException>(() => PrometheusHistogram.ToLatencyHistogram(buckets, Seconds, "q"));

        Assert.Contains("le=\"0.2\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToLatencyHistogram_ZeroBound_CountsRequestsOfNoLatency()
    {
        (double, long)[] buckets = [(0, 3), (0.1, 5), (double.PositiveInfinity, 5)];

        var histogram = PrometheusHistogram.ToLatencyHistogram(buckets, Seconds, "q");

        Assert.Equal(3, histogram.BucketCounts[0]);
        Assert.Equal(5, histogram.TotalCount);
    }

    [Fact]
    public void ToLatencyHistogram_NegativeBound_ThrowsNamingIt()
    {
        (double, long)[] buckets = [(-0.5, 1), (double.PositiveInfinity, 2)];

        var ex = Assert.Throws<CanaryMetricException>(() => PrometheusHistogram.ToLatencyHistogram(buckets, Seconds, "q"));

        Assert.Equal("The latency buckets of query 'q' hold the bound le=\"-0.5\"; bounds must be non-negative.", ex.Message);
    }

    [Fact]
    public void ToLatencyHistogram_BoundTwice_ThrowsAskingForSumByLe()
    {
        (double, long)[] buckets = [(0.1, 1), (0.1, 1), (double.PositiveInfinity, 2)];

        var ex = Assert.Throws<CanaryMetricException>(() => PrometheusHistogram.ToLatencyHistogram(buckets, Seconds, "q"));

        Assert.Equal("The latency buckets of query 'q' hold le=\"0.1\" twice; aggregate with sum by (le).", ex.Message);
    }
}
