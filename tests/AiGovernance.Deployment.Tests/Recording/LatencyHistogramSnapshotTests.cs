using AiGovernance.Deployment.Recording;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiGovernance.Deployment.Tests.Recording;

public class LatencyHistogramSnapshotTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Quantiles_AreWithinTheStatedRelativeErrorOfTheExactNearestRank(int seed)
    {
        var random = new Random(seed);
        var recorder = new VariantRecorder(1);
        var ticks = new long[50_000];
        for (var i = 0; i < ticks.Length; i++)
        {
            // Log-normal latencies around 40 ms with a heavy tail, from microseconds to seconds.
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            ticks[i] = (long)(Math.Exp(Math.Log(40) + (1.5 * normal)) * TimeSpan.TicksPerMillisecond);
            recorder.Record(TimeSpan.FromTicks(ticks[i]));
        }

        Array.Sort(ticks);
        var histogram = recorder.Snapshot().Latency;
        foreach (var q in new[] { 0.0, 0.01, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999, 1.0 })
        {
            var exact = (double)ticks[Math.Max(1, (int)Math.Ceiling((q * ticks.Length) - 1e-9)) - 1];
            var reported = histogram.ValueAtQuantile(q).Ticks;
            Assert.True(Math.Abs(reported - exact) <= LatencyHistogramSnapshot.MaxRelativeError * exact,
                $"q={q}: reported {reported} vs exact {exact}");
        }

        Assert.True(LatencyHistogramSnapshot.MaxRelativeError <= 0.01);
    }

    [Property(MaxTest = 500)]
    public Property EveryValue_IsWithinTheStatedErrorOfItsBucketRepresentative(PositiveInt a, PositiveInt b)
    {
        var ticks = (long)a.Get * b.Get;
        var recorder = new VariantRecorder(1);
        recorder.Record(TimeSpan.FromTicks(ticks));
        var reported = recorder.Snapshot().Latency.ValueAtQuantile(0.5).Ticks;
        return (Math.Abs(reported - ticks) <= LatencyHistogramSnapshot.MaxRelativeError * ticks).ToProperty();
    }

    [Property(MaxTest = 500)]
    public Property BucketIndex_IsMonotonicAndBoundsContainTheValue(PositiveInt a, PositiveInt b)
    {
        var ticks = Math.Min((long)a.Get * b.Get, (1L << 40) - 2);
        var index = LatencyHistogramSnapshot.BucketIndexOf(TimeSpan.FromTicks(ticks));
        var next = LatencyHistogramSnapshot.BucketIndexOf(TimeSpan.FromTicks(ticks + 1));
        var lower = LatencyHistogramSnapshot.BucketLowerBound(index).Ticks;
        var upper = index + 1 < LatencyHistogramSnapshot.BucketCount ? LatencyHistogramSnapshot.BucketLowerBound(index + 1).Ticks : long.MaxValue;
        return (next >= index && next <= index + 1 && lower <= ticks && ticks < upper).ToProperty();
    }

    [Fact]
    public void SmallValues_AreExact()
    {
        var recorder = new VariantRecorder(1);
        for (var t = 0; t < 256; t++)
        {
            recorder.Record(TimeSpan.FromTicks(t));
        }

        var histogram = recorder.Snapshot().Latency;
        Assert.Equal(TimeSpan.FromTicks(127), histogram.ValueAtQuantile(0.5));
        Assert.Equal(TimeSpan.FromTicks(0), histogram.ValueAtQuantile(0));
        Assert.Equal(TimeSpan.FromTicks(255), histogram.ValueAtQuantile(1));
    }

    [Fact]
    public void HugeValues_FallInTheLastBucket()
    {
        Assert.Equal(LatencyHistogramSnapshot.BucketCount - 1, LatencyHistogramSnapshot.BucketIndexOf(TimeSpan.FromDays(400)));
    }

    [Fact]
    public void NearestRank_IgnoresRoundingNoise()
    {
        // 0.95 * 100 = 95.00000000000001 in binary floating point; the rank is 95.
        Assert.Equal(95, LatencyHistogramSnapshot.NearestRank(0.95, 100));
        Assert.Equal(1, LatencyHistogramSnapshot.NearestRank(0.0, 100));
        Assert.Equal(100, LatencyHistogramSnapshot.NearestRank(1.0, 100));
        Assert.Equal(990, LatencyHistogramSnapshot.NearestRank(0.99, 1000));
    }

    [Fact]
    public void Empty_QuantileThrows_AndBadQuantileNamesArgument()
    {
        Assert.Throws<InvalidOperationException>(() => LatencyHistogramSnapshot.Empty.ValueAtQuantile(0.5));
        var one = LatencyHistogramSnapshot.Empty.Merge(LatencyHistogramSnapshot.FromBucketCounts(new long[LatencyHistogramSnapshot.BucketCount]));
        Assert.Equal(0, one.TotalCount);
        Assert.Equal("quantile", Assert.Throws<ArgumentOutOfRangeException>(() => LatencyHistogramSnapshot.Empty.ValueAtQuantile(1.5)).ParamName);
    }

    [Fact]
    public void FromBucketCounts_ValidatesLengthAndSign()
    {
        Assert.Equal("bucketCounts", Assert.Throws<ArgumentException>(() => LatencyHistogramSnapshot.FromBucketCounts(new long[3])).ParamName);
        var counts = new long[LatencyHistogramSnapshot.BucketCount];
        counts[10] = -1;
        Assert.Equal("bucketCounts", Assert.Throws<ArgumentException>(() => LatencyHistogramSnapshot.FromBucketCounts(counts)).ParamName);
        counts[10] = 4;
        var roundTrip = LatencyHistogramSnapshot.FromBucketCounts(counts);
        Assert.Equal(4, roundTrip.TotalCount);
        Assert.Equal(TimeSpan.FromTicks(10), roundTrip.ValueAtQuantile(0.99));
    }
}
