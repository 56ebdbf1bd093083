using AiGovernance.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiGovernance.Statistics.Tests;

public class SortedSampleStatisticsTests
{
    [Fact]
    public void StandardDeviations_MatchNumPy()
    {
        var sample = SortedSample.Create([2, 4, 4, 4, 5, 5, 7, 9]);
        Assert.Equal(4, sample.PopulationVariance, 14); // np.var(x)
        Assert.Equal(2, sample.PopulationStandardDeviation, 14); // np.std(x)
        Assert.Equal(32.0 / 7, sample.SampleVariance, 14); // np.var(x, ddof=1)
        Assert.Equal(Math.Sqrt(32.0 / 7), sample.SampleStandardDeviation, 14);
        Assert.True(double.IsNaN(SortedSample.Create([3.0]).SampleVariance));
        Assert.Equal(0, SortedSample.Create([3.0]).PopulationVariance);
    }

    [Fact]
    public void StandardDeviation_IsStableForLargeOffsets()
    {
        var sample = SortedSample.Create([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]);
        Assert.Equal(22.5, sample.PopulationVariance, 9);
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.1, 1.4)]
    [InlineData(0.25, 2.0)]
    [InlineData(0.5, 3.0)]
    [InlineData(0.9, 7.6)]
    [InlineData(1.0, 10.0)]
    public void Quantile_MatchesNumPyLinear(double p, double expected)
    {
        // np.quantile([1, 2, 3, 4, 10], p)
        Assert.Equal(expected, SortedSample.Create([10.0, 4, 3, 2, 1]).Quantile(p), 12);
    }

    [Fact]
    public void Quantile_BetweenExtremeValues_DoesNotOverflow()
    {
        var sample = SortedSample.Create([double.MinValue, double.MaxValue]);
        Assert.Equal(double.MinValue, sample.Quantile(0));
        Assert.Equal(0, sample.Quantile(0.5));
        Assert.Equal(double.MaxValue, sample.Quantile(1));
        Assert.True(double.IsFinite(sample.Quantile(0.3)));
        Assert.Equal(3, BinEdges.Quantile([double.MinValue, double.MaxValue], 4).CutPoints.Length);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Quantile_OutsideUnitInterval_Throws(double p)
    {
        Assert.Equal("p", Assert.Throws<ArgumentOutOfRangeException>(() => SortedSample.Create([1.0]).Quantile(p)).ParamName);
    }

    [Property]
    public Property Quantile_IsMonotone_AndWithinRange(NonEmptyArray<NormalFloat> input, byte a, byte b)
    {
        var sample = SortedSample.Create(Array.ConvertAll(input.Get, f => f.Get));
        double p = Math.Min(a, b) / 255.0, q = Math.Max(a, b) / 255.0;
        var qp = sample.Quantile(p);
        var qq = sample.Quantile(q);
        return (qp <= qq && qp >= sample.Minimum && qq <= sample.Maximum).ToProperty();
    }
}
