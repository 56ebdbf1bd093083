using System.Text.Json;
using AiGovernance.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiGovernance.Statistics.Tests.Binning;

public class BinEdgesTests
{
    [Fact]
    public void Quantile_UsesR7Interpolation()
    {
        // np.quantile([1, 2, 3, 4, 10], k/5) and k/4, to the last bit.
        var edges = BinEdges.Quantile([10.0, 1, 4, 2, 3], 5);
        Assert.Equal([1.8, 2.6, 3.4, 5.200000000000001], edges.CutPoints.ToArray());
        Assert.Equal(5, edges.BinCount);
        Assert.Equal([2.0, 3, 4], BinEdges.Quantile([10.0, 1, 4, 2, 3], 4).CutPoints.ToArray());
    }

    [Fact]
    public void Quantile_CollapsesDuplicateCutPoints()
    {
        var edges = BinEdges.Quantile([0.0, 0, 0, 0, 0, 0, 0, 1, 2, 3], 10);
        Assert.Equal([0.0, 0.2999999999999998, 1.2000000000000002, 2.0999999999999996], edges.CutPoints.ToArray());
    }

    [Fact]
    public void ConstantReference_LeavesTwoBins()
    {
        Assert.Equal([7.0], BinEdges.Quantile([7.0, 7, 7], 10).CutPoints.ToArray());
        Assert.Equal([7.0], BinEdges.EqualWidth([7.0, 7, 7], 10).CutPoints.ToArray());
    }

    [Fact]
    public void EqualWidth_SplitsTheReferenceRange()
    {
        var edges = BinEdges.EqualWidth([0.0, 10, 4], 4);
        Assert.Equal([2.5, 5, 7.5], edges.CutPoints.ToArray());
        Assert.Equal(edges, BinEdges.EqualWidth(SortedSample.Create([0.0, 4, 10]), 4));
    }

    [Fact]
    public void EqualWidth_RangeBeyondDoubleMaxValue_GivesFiniteEquallySpacedCuts()
    {
        // max − min overflows to +∞; the cut points are still −max/2, 0 and max/2 (worked by hand), not ±∞ or min.
        var edges = BinEdges.EqualWidth([double.MaxValue, -double.MaxValue, 0], 4);
        Assert.Equal(3, edges.CutPoints.Length);
        Reference.AssertClose(-double.MaxValue / 2, edges.CutPoints[0], "first cut");
        Assert.Equal(0, edges.CutPoints[1], 1e292);
        Reference.AssertClose(double.MaxValue / 2, edges.CutPoints[2], "third cut");
    }

    [Fact]
    public void EqualWidth_CutsWhoseStepOverflows_StayFinite()
    {
        // The range 1.6e308 is finite but k · range is not for k ≥ 2: the cuts are 0.4e308, 0.8e308 and 1.2e308.
        var edges = BinEdges.EqualWidth([0, 1.6e308], 4);
        Assert.Equal(3, edges.CutPoints.Length);
        Reference.AssertClose(0.4e308, edges.CutPoints[0], "first cut");
        Reference.AssertClose(0.8e308, edges.CutPoints[1], "second cut");
        Reference.AssertClose(1.2e308, edges.CutPoints[2], "third cut");
    }

    [Fact]
    public void Bounds_OutsideTheBins_ThrowNamingBin()
    {
        var edges = BinEdges.FromCutPoints([1, 2, 3]);
        Assert.Equal("bin", Assert.Throws<ArgumentOutOfRangeException>(() => edges.LowerBound(-1)).ParamName);
        Assert.Equal("bin", Assert.Throws<ArgumentOutOfRangeException>(() => edges.LowerBound(4)).ParamName);
        Assert.Equal("bin", Assert.Throws<ArgumentOutOfRangeException>(() => edges.UpperBound(-1)).ParamName);
        Assert.Equal("bin", Assert.Throws<ArgumentOutOfRangeException>(() => edges.UpperBound(4)).ParamName);
    }

    [Fact]
    public void Count_IsRightClosed_WithOpenOuterBins()
    {
        var edges = BinEdges.FromCutPoints([1, 2, 3]);
        var counts = new long[edges.BinCount];
        edges.Count([-100, 1, 1.5, 2, 2.0000001, 3, 3.5, 1e9], counts);
        Assert.Equal([2L, 2, 2, 2], counts);

        edges.Count([0.5], counts);
        Assert.Equal([3L, 2, 2, 2], counts);
        Assert.Equal(0, edges.BinOf(1));
        Assert.Equal(3, edges.BinOf(3.0000001));
        Assert.Equal(double.NegativeInfinity, edges.LowerBound(0));
        Assert.Equal(3, edges.LowerBound(3));
        Assert.Equal(double.PositiveInfinity, edges.UpperBound(3));
    }

    [Fact]
    public void FromCutPoints_CollapsesRepeats_AndRejectsBadInput()
    {
        Assert.Equal([1.0, 2], BinEdges.FromCutPoints([1, 1, 2, 2]).CutPoints.ToArray());
        Assert.Equal("cutPoints", Assert.Throws<ArgumentException>(() => BinEdges.FromCutPoints([])).ParamName);
        var unsorted = Assert.Throws<ArgumentException>(() => BinEdges.FromCutPoints([1, 3, 2]));
        Assert.Equal("cutPoints", unsorted.ParamName);
        Assert.Contains("index 2", unsorted.Message, StringComparison.Ordinal);
        Assert.Equal("cutPoints", Assert.Throws<ArgumentException>(() => BinEdges.FromCutPoints([1, double.NaN])).ParamName);
        Assert.Equal("cutPoints", Assert.Throws<ArgumentException>(() => BinEdges.FromCutPoints([double.NegativeInfinity])).ParamName);
    }

    [Fact]
    public void Fitting_RejectsBadInput()
    {
        Assert.Equal("bins", Assert.Throws<ArgumentOutOfRangeException>(() => BinEdges.Quantile([1.0, 2], 1)).ParamName);
        Assert.Equal("bins", Assert.Throws<ArgumentOutOfRangeException>(() => BinEdges.EqualWidth([1.0, 2], 0)).ParamName);
        Assert.Equal("reference", Assert.Throws<ArgumentException>(() => BinEdges.Quantile([], 10)).ParamName);
        Assert.Equal("reference", Assert.Throws<ArgumentException>(() => BinEdges.EqualWidth([1, double.NaN], 10)).ParamName);
        var edges = BinEdges.FromCutPoints([0]);
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => edges.Count([1.0], new long[3])).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => edges.Count([double.NaN], new long[2])).ParamName);
    }

    [Fact]
    public void Json_RoundTripsExactly_WithTheSourceGeneratedContext()
    {
        var edges = BinEdges.Quantile([0.1, 0.7, 1.0 / 3, 2.9, 5.5, 8.25, 1e-300, 123456.789], 7);

        var json = JsonSerializer.Serialize(edges, StatisticsJsonContext.Default.BinEdges);
        var back = JsonSerializer.Deserialize(json, StatisticsJsonContext.Default.BinEdges)!;

        Assert.StartsWith("{\"cutPoints\":[", json, StringComparison.Ordinal);
        Assert.Equal(edges, back);
        Assert.Equal(edges.GetHashCode(), back.GetHashCode());
    }

    [Fact]
    public void Json_RejectsInvalidEdges()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{\"cutPoints\":[3,1]}", StatisticsJsonContext.Default.BinEdges));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{\"cutPoints\":[]}", StatisticsJsonContext.Default.BinEdges));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{}", StatisticsJsonContext.Default.BinEdges));
    }

    [Property]
    public Property Count_AddsUpToTheSampleSize_AndAgreesWithALinearScan(NonEmptyArray<NormalFloat> reference, NormalFloat[] values, PositiveInt bins)
    {
        var edges = BinEdges.Quantile(Array.ConvertAll(reference.Get, f => f.Get), 2 + (bins.Get % 20));
        var data = Array.ConvertAll(values, f => f.Get);
        var counts = new long[edges.BinCount];
        edges.Count(data, counts);
        var expected = new long[edges.BinCount];
        foreach (var v in data)
        {
            var bin = 0;
            while (bin < edges.CutPoints.Length && edges.CutPoints[bin] < v)
            {
                bin++;
            }

            expected[bin]++;
        }

        return (counts.SequenceEqual(expected) && counts.Sum() == data.Length).ToProperty();
    }
}
