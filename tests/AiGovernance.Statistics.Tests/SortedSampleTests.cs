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

    private static readonly double[] Probabilities = [0.995, 0.005, 0, 1, 0.5, 0.25, 0.75, 0.1, 1.0 / 3, 0.999_999];

    [Theory]
    [InlineData(100)] // below the selection threshold: the sorted path
    [InlineData(50_000)]
    public void Quantiles_OfUnsortedValues_HaveTheBitsOfTheSortedSample(int n)
    {
        // Seeded values with ties, both zeros and a wide spread, so the selection recurses into buckets.
        var random = new SplitMix64Random(21);
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            var u = (random.NextUInt64() >> 11) * (1.0 / (1UL << 53));
            values[i] = (i % 10) switch
            {
                0 => 0.0,
                1 => -0.0,
                2 => Math.Round(u * 20),
                _ => Math.Exp(40 * (u - 0.5)) * (u < 0.3 ? -1 : 1),
            };
        }

        var original = values.ToArray();
        var quantiles = new double[Probabilities.Length];
        SortedSample.Quantiles(values, Probabilities, quantiles);

        var sorted = SortedSample.Create(values);
        for (var i = 0; i < Probabilities.Length; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(sorted.Quantile(Probabilities[i])), BitConverter.DoubleToInt64Bits(quantiles[i]));
        }

        Assert.Equal(original, values);
    }

    [Property]
    public Property Quantiles_EqualTheSortedSampleQuantiles(NonEmptyArray<NormalFloat> input, NormalFloat probability)
    {
        var values = input.Get.Select(v => v.Get).ToArray();
        var p = Math.Abs(probability.Get) % 1.0;
        var quantile = new double[1];
        SortedSample.Quantiles(values, [p], quantile);
        return (BitConverter.DoubleToInt64Bits(quantile[0]) == BitConverter.DoubleToInt64Bits(SortedSample.Create(values).Quantile(p))).ToProperty();
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Quantiles_ProbabilityOutsideTheUnitInterval_Throws(double p)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SortedSample.Quantiles([1, 2, 3], [0.5, p], new double[2]));
        Assert.Equal("probabilities", ex.ParamName);
    }

    [Fact]
    public void Quantiles_NonFiniteValue_NamesTheIndex()
    {
        var ex = Assert.Throws<ArgumentException>(() => SortedSample.Quantiles([1, double.NaN], [0.5], new double[1]));
        Assert.Equal("values", ex.ParamName);
        Assert.Contains("index 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantiles_NoProbabilities_WritesNothing()
    {
        // A sample long enough for the selection path (not the sorted copy) with no quantile asked for.
        var values = Enumerable.Range(0, 5000).Select(i => (double)((i * 7919) % 5000)).ToArray();
        var destination = new[] { 42.0 };
        SortedSample.Quantiles(values, [], destination);
        Assert.Equal(42.0, destination[0]);
    }

    [Fact]
    public void Quantiles_BySelection_AllocateNothingInTheSteadyState()
    {
        // Scratch (bucket table, selected region, sort keys) is pooled and returned: a hot path with no per-call allocation.
        var random = new Random(5);
        var values = Enumerable.Range(0, 100_000).Select(_ => random.NextDouble()).ToArray();
        double[] probabilities = [0.1, 0.5, 0.9];
        var quantiles = new double[probabilities.Length];
        Action pass = () => SortedSample.Quantiles(values, probabilities, quantiles);
        Assert.Equal(0, Allocations.OfSteadyStatePass(pass));
    }

    [Fact]
    public void Quantiles_EmptySample_Throws()
    {
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => SortedSample.Quantiles([], [0.5], new double[1])).ParamName);
    }

    [Fact]
    public void Quantiles_ShortDestination_Throws()
    {
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => SortedSample.Quantiles([1, 2], [0.1, 0.9], new double[1])).ParamName);
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
