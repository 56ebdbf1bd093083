using AiGovernance.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiGovernance.Statistics.Tests;

public class DoubleSorterTests
{
    [Fact]
    public void SortInPlace_SpecialValuesAboveThreshold_MatchesArraySort()
    {
        var random = new Random(7);
        var data = new double[10_000];
        double[] specials = [0.0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue,
            double.PositiveInfinity, double.NegativeInfinity, 1e-308, -1e-308, 1, -1];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = i % 5 == 0 ? specials[random.Next(specials.Length)] : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-300, 300));
        }

        var expected = (double[])data.Clone();
        Array.Sort(expected);
        DoubleSorter.SortInPlace(data);

        for (var i = 0; i < data.Length; i++)
        {
            // Array.Sort leaves ±0 in either order; the radix sort puts −0 first. Both are equal values.
            Assert.True(expected[i] == data[i], $"index {i}: {expected[i]} vs {data[i]}");
        }

        for (var i = 1; i < data.Length; i++)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(data[i - 1]) != 0 || BitConverter.DoubleToInt64Bits(data[i]) != long.MinValue,
                "−0.0 must not follow +0.0");
        }
    }

    [Fact]
    public void SortInPlace_AllEqual_SkipsEveryPassAndKeepsValues()
    {
        var data = Enumerable.Repeat(3.25, 5_000).ToArray();
        DoubleSorter.SortInPlace(data);
        Assert.All(data, v => Assert.Equal(3.25, v));
    }

    [Fact]
    public void RentSortedCopies_BelowTheParallelThreshold_AllocateNothingOnceWarm()
    {
        // "No allocation per call beyond the pool": the two-sample tests (energy distance, Mann–Whitney, Cramér–von
        // Mises) sort both copies here, and small samples must not pay for the concurrent path's closure.
        var x = Enumerable.Range(0, 500).Select(i => Math.Sin(i)).ToArray();
        var y = Enumerable.Range(0, 300).Select(i => Math.Cos(i)).ToArray();
        Action pass = () =>
        {
            var (xs, ys) = DoubleSorter.RentSortedCopies(x, y);
            System.Buffers.ArrayPool<double>.Shared.Return(xs);
            System.Buffers.ArrayPool<double>.Shared.Return(ys);
        };
        Assert.Equal(0, Allocations.OfSteadyStatePass(pass));
    }

    [Property(MaxTest = 50)]
    public Property SortInPlace_LargeRandomArrays_AreSortedPermutations(PositiveInt seed, PositiveInt extra)
    {
        var random = new Random(seed.Get);
        var data = new double[DoubleSorter.RadixThreshold + (extra.Get % 20_000)];
        for (var i = 0; i < data.Length; i++)
        {
            // Few distinct values some of the time, to exercise ties and skipped passes.
            data[i] = seed.Get % 3 == 0 ? random.Next(-5, 5) : (random.NextDouble() * 2e6) - 1e6;
        }

        var expected = (double[])data.Clone();
        Array.Sort(expected);
        DoubleSorter.SortInPlace(data);
        return expected.AsSpan().SequenceEqual(data).ToProperty();
    }
}
