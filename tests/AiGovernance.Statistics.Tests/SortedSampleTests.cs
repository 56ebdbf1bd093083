using AiGovernance.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiGovernance.Statistics.Tests;

public class SortedSampleTests
{
    [Fact]
    public void Create_SortsACopy_AndComputesSummary()
    {
        double[] data = [3, -1, 2, 2, 10];
        var sample = SortedSample.Create(data);

        Assert.Equal([-1d, 2, 2, 3, 10], sample.Values.ToArray());
        Assert.Equal([3d, -1, 2, 2, 10], data);
        Assert.Equal(-1, sample.Minimum);
        Assert.Equal(10, sample.Maximum);
        Assert.Equal(3.2, sample.Mean, 12);
    }

    [Fact]
    public void EmpiricalCdf_IsRightContinuousWithTies()
    {
        var sample = SortedSample.Create([1, 2, 2, 4]);
        Assert.Equal(0, sample.EmpiricalCdf(0.5));
        Assert.Equal(0.75, sample.EmpiricalCdf(2));
        Assert.Equal(0.75, sample.EmpiricalCdf(3.9));
        Assert.Equal(1, sample.EmpiricalCdf(4));
        Assert.True(double.IsNaN(sample.EmpiricalCdf(double.NaN)));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Create_NonFinite_NamesArgumentAndIndex(double bad)
    {
        var ex = Assert.Throws<ArgumentException>(() => SortedSample.Create([1, 2, bad]));
        Assert.Equal("values", ex.ParamName);
        Assert.Contains("index 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Empty_Throws()
    {
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => SortedSample.Create([])).ParamName);
    }

    [Fact]
    public void FromSorted_Unsorted_NamesTheIndex()
    {
        var ex = Assert.Throws<ArgumentException>(() => SortedSample.FromSorted([1, 3, 2]));
        Assert.Equal("sortedValues", ex.ParamName);
        Assert.Contains("index 2", ex.Message, StringComparison.Ordinal);
    }

    [Property]
    public Property Create_IsSortedPermutationOfInput(NonEmptyArray<NormalFloat> input)
    {
        var data = Array.ConvertAll(input.Get, f => f.Get);
        var sample = SortedSample.Create(data);
        var expected = data.Order().ToArray();
        return (sample.Values.SequenceEqual(expected) && sample.CountAtOrBelow(expected[^1]) == data.Length).ToProperty();
    }
}
