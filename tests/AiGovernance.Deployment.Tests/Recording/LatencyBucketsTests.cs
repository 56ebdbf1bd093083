using System.Text.Json;
using AiGovernance.Deployment.Recording;
using AiGovernance.Statistics;

namespace AiGovernance.Deployment.Tests.Recording;

/// <summary>The canary compares latency histograms with AiGovernance.Statistics' <see cref="HistogramRankTest"/> over
/// <see cref="LatencyBuckets.Representatives"/>; these check that the bucket layout and its representatives reproduce
/// SciPy on the expanded bucket values, from raw ticks recorded by a <see cref="VariantRecorder"/>.</summary>
public class LatencyBucketsTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Reference.Load("canary_reference.json").GetProperty("mannWhitney").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    private static (LatencyHistogramSnapshot X, LatencyHistogramSnapshot Y, JsonElement Case) Load(string name)
    {
        foreach (var c in Reference.Load("canary_reference.json").GetProperty("mannWhitney").EnumerateArray())
        {
            if (c.GetProperty("name").GetString() == name)
            {
                return (Histogram(c.GetProperty("x")), Histogram(c.GetProperty("y")), c);
            }
        }

        throw new InvalidOperationException(name);

        static LatencyHistogramSnapshot Histogram(JsonElement ticks)
        {
            var recorder = new VariantRecorder(1);
            foreach (var t in ticks.EnumerateArray())
            {
                recorder.Record(TimeSpan.FromTicks(t.GetInt64()));
            }

            return recorder.Snapshot().Latency;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MannWhitney_OnBuckets_MatchesScipyOnTheExpandedBucketValues(string name)
    {
        var (x, y, expected) = Load(name);
        foreach (var (alternative, key) in new[] { (Alternative.TwoSided, "two-sided"), (Alternative.Greater, "greater"), (Alternative.Less, "less") })
        {
            var result = HistogramRankTest.MannWhitney(x.BucketCounts, y.BucketCounts, alternative);
            Reference.AssertClose(expected.GetProperty("u_" + key).GetDouble(), result.U, $"{name} U {key}");
            Reference.AssertClose(expected.GetProperty("p_" + key).GetDouble(), result.PValue, $"{name} p {key}");
            Assert.Equal(MannWhitneyMethod.Asymptotic, result.Method);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void HodgesLehmannShift_MatchesNumpyMedianOfPairwiseDifferences(string name)
    {
        var (x, y, expected) = Load(name);
        Reference.AssertClose(expected.GetProperty("hodges_lehmann_ms").GetDouble(), ShiftMilliseconds(x, y), name, rtol: 1e-9, atol: 1e-9);
    }

    [Fact]
    public void MannWhitney_AllValuesInOneBucket_IsPOne()
    {
        var recorder = new VariantRecorder(1);
        recorder.Record(TimeSpan.FromTicks(5));
        recorder.Record(TimeSpan.FromTicks(5));
        var h = recorder.Snapshot().Latency;
        var result = HistogramRankTest.MannWhitney(h.BucketCounts, h.BucketCounts);
        Assert.Equal(1.0, result.PValue);
        Assert.Equal(0.0, result.Z);
        Assert.Equal(0.0, ShiftMilliseconds(h, h));
    }

    [Fact]
    public void EmptyHistogram_NamesArgument()
    {
        var recorder = new VariantRecorder(1);
        recorder.Record(TimeSpan.FromTicks(5));
        var h = recorder.Snapshot().Latency;
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => HistogramRankTest.MannWhitney(LatencyHistogramSnapshot.Empty.BucketCounts, h.BucketCounts)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => ShiftMilliseconds(h, LatencyHistogramSnapshot.Empty)).ParamName);
    }

    [Fact]
    public void Representatives_AreEveryBucketsValueInIncreasingOrder()
    {
        Assert.Equal(LatencyBuckets.Count, LatencyBuckets.Representatives.Length);
        for (var i = 0; i < LatencyBuckets.Count; i++)
        {
            Assert.Equal(LatencyBuckets.Representative(i), LatencyBuckets.Representatives[i]);
            Assert.True(i == 0 || LatencyBuckets.Representatives[i] > LatencyBuckets.Representatives[i - 1]);
        }
    }

    private static double ShiftMilliseconds(LatencyHistogramSnapshot x, LatencyHistogramSnapshot y) =>
        HistogramRankTest.HodgesLehmannShift(LatencyBuckets.Representatives, x.BucketCounts, y.BucketCounts) / TimeSpan.TicksPerMillisecond;
}
