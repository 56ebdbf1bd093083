using System.Text.Json;

namespace AiGovernance.Statistics.Tests.HypothesisTests;

public class HistogramRankTestTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Reference.Load("histogram_rank_reference.json").GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    private static (double[] Values, long[] X, long[] Y, JsonElement Case) Load(string name)
    {
        var c = Reference.Load("histogram_rank_reference.json").GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        return (Reference.GetDoubles(c.GetProperty("values")),
                c.GetProperty("x").EnumerateArray().Select(v => v.GetInt64()).ToArray(),
                c.GetProperty("y").EnumerateArray().Select(v => v.GetInt64()).ToArray(),
                c);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MannWhitney_MatchesScipyOnTheExpandedData(string name)
    {
        var (_, x, y, expected) = Load(name);
        foreach (var continuity in new[] { true, false })
        {
            var suffix = continuity ? string.Empty : "_no_continuity";
            foreach (var (alternative, key) in new[] { (Alternative.TwoSided, "two-sided"), (Alternative.Greater, "greater"), (Alternative.Less, "less") })
            {
                var result = HistogramRankTest.MannWhitney(x, y, alternative, continuity);
                Reference.AssertClose(expected.GetProperty("u_" + key + suffix).GetDouble(), result.U, $"{name} U {key}{suffix}");
                Reference.AssertClose(expected.GetProperty("p_" + key + suffix).GetDouble(), result.PValue, $"{name} p {key}{suffix}");
                Assert.Equal(MannWhitneyMethod.Asymptotic, result.Method);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void HodgesLehmannShift_MatchesNumpyMedianOfPairwiseDifferences(string name)
    {
        var (values, x, y, expected) = Load(name);

        // Relative only: one case's shift is 1e-12 (bucket values 1e-12 apart), which an absolute 1e-9 would not check.
        Reference.AssertClose(expected.GetProperty("hodges_lehmann").GetDouble(), HistogramRankTest.HodgesLehmannShift(values, x, y), name, rtol: 1e-9, atol: 0);
    }

    [Fact]
    public void MannWhitney_EqualsTheRawSampleTestOnTheExpandedValues()
    {
        long[] x = [3, 0, 5, 2];
        long[] y = [1, 4, 0, 6];
        double[] values = [1, 2, 3, 4];
        var expandedX = values.SelectMany((v, k) => Enumerable.Repeat(v, (int)x[k])).ToArray();
        var expandedY = values.SelectMany((v, k) => Enumerable.Repeat(v, (int)y[k])).ToArray();
        var raw = MannWhitney.Test(expandedX, expandedY, Alternative.Greater, method: MannWhitneyMethod.Asymptotic);
        var histogram = HistogramRankTest.MannWhitney(x, y, Alternative.Greater);
        Assert.Equal(raw.U, histogram.U);
        Reference.AssertClose(raw.PValue, histogram.PValue, "p", rtol: 1e-12, atol: 0);
        Reference.AssertClose(raw.Z, histogram.Z, "z", rtol: 1e-12, atol: 0);
    }

    [Fact]
    public void AllValuesInOneBucket_IsPOneAndNoShift()
    {
        long[] h = [0, 2, 0];
        var result = HistogramRankTest.MannWhitney(h, h);
        Assert.Equal(1.0, result.PValue);
        Assert.Equal(0.0, result.Z);
        Assert.Equal(0.0, HistogramRankTest.HodgesLehmannShift([1.0, 2.0, 3.0], h, h));
    }

    [Fact]
    public void BadInput_NamesTheArgument()
    {
        long[] h = [1, 2];
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => HistogramRankTest.MannWhitney([0, 0], h)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => HistogramRankTest.MannWhitney(h, [1, 2, 3])).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => HistogramRankTest.MannWhitney(h, [1, -1])).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => HistogramRankTest.HodgesLehmannShift([1.0, 2.0], h, [0, 0])).ParamName);
        Assert.Equal("bucketValues", Assert.Throws<ArgumentException>(() => HistogramRankTest.HodgesLehmannShift([2.0, 2.0], h, h)).ParamName);
        Assert.Equal("bucketValues", Assert.Throws<ArgumentException>(() => HistogramRankTest.HodgesLehmannShift([1.0, double.NaN], h, h)).ParamName);
        Assert.Equal("alternative", Assert.Throws<ArgumentOutOfRangeException>(() => HistogramRankTest.MannWhitney(h, h, (Alternative)5)).ParamName);
    }
}
