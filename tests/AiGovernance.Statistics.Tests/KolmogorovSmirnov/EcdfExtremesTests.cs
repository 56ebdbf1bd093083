using AiGovernance.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiGovernance.Statistics.Tests.KolmogorovSmirnov;

/// <summary>The bucketed search for the ECDF extremes must give exactly what the full sort-and-merge gives: the same
/// four extremes, bit for bit, and the same values where they are attained.</summary>
public class EcdfExtremesTests
{
    private static readonly string[] s_kinds =
        ["normal", "integers", "cauchy", "powers of two", "zeros and subnormals", "same distribution", "constant",
         "huge offset", "full range", "two clusters"];

    /// <summary>The reference: sort both samples and walk the whole merge.</summary>
    private static KsExtremes Reference(double[] x, double[] y)
    {
        var xs = (double[])x.Clone();
        var ys = (double[])y.Clone();
        Array.Sort(xs);
        Array.Sort(ys);
        var extremes = KsExtremes.None;
        EcdfExtremes.Walk(xs, ys, 0, 0, xs.Length, ys.Length, ref extremes);
        return extremes;
    }

    private static double[] Sample(Random random, int kind, int n, double shift)
    {
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = kind switch
            {
                0 => shift + Normal(random),
                1 => random.Next(0, 12) + (shift > 0 && random.Next(4) == 0 ? 1 : 0),
                2 => shift + Math.Tan(Math.PI * (random.NextDouble() - 0.5)),
                3 => (random.Next(2) == 0 ? -1 : 1) * Math.ScaleB(1.0, random.Next(-1000, 1000)),
                4 => random.Next(6) switch
                {
                    0 => 0.0,
                    1 => -0.0,
                    2 => double.Epsilon * random.Next(1, 4),
                    3 => -double.Epsilon * random.Next(1, 4),
                    4 => 1e-310 * random.NextDouble(),
                    _ => shift + random.NextDouble(),
                },
                5 => Normal(random),
                6 => 2.5,
                7 => 1e15 + Math.Round(Normal(random) * 64) + shift,
                8 => (random.NextDouble() - 0.5) * 2 * double.MaxValue,
                _ => (random.Next(2) == 0 ? -1e6 : 1e6) + (Normal(random) * 1e-3) + shift,
            };
        }

        return values;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static void AssertSame(KsExtremes expected, KsExtremes actual, string context)
    {
        // The overall extremes must be bit-identical; the per-sample ones may be understated where they cannot matter.
        Assert.True(expected.Max.Equals(actual.Max), $"{context}: Max {expected.Max:R} vs {actual.Max:R}");
        Assert.True(expected.Min.Equals(actual.Min), $"{context}: Min {expected.Min:R} vs {actual.Min:R}");

        // Locations are values; ±0 are the same value (the two sorts may leave them in either order).
        Assert.True(expected.MaxAt == actual.MaxAt, $"{context}: MaxAt {expected.MaxAt:R} vs {actual.MaxAt:R}");
        Assert.True(expected.MinAt == actual.MinAt, $"{context}: MinAt {expected.MinAt:R} vs {actual.MinAt:R}");
        Assert.True(actual.MaxX <= expected.MaxX && actual.MaxY <= expected.MaxY, $"{context}: a maximum was overstated");
        Assert.True(actual.MinX >= expected.MinX && actual.MinY >= expected.MinY, $"{context}: a minimum was overstated");
    }

    [Property(MaxTest = 400)]
    public Property Compute_AnyData_AnyTuning_EqualsTheFullMerge(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var kindX = random.Next(s_kinds.Length);
        var kindY = random.Next(3) == 0 ? random.Next(s_kinds.Length) : kindX;
        var x = Sample(random, kindX, random.Next(1, 3000), 0);
        var y = Sample(random, kindY, random.Next(1, 3000), random.Next(3) * 0.05);
        if (random.Next(8) == 0)
        {
            // The same values in another order: every bucket end shows a zero difference, nothing can be pruned.
            y = (double[])x.Clone();
            random.Shuffle(y);
        }

        var xSorted = random.Next(2) == 0;
        var ySorted = random.Next(2) == 0;
        if (xSorted)
        {
            Array.Sort(x);
        }

        if (ySorted)
        {
            Array.Sort(y);
        }

        // Tiny regions and few values per bucket force deep re-bucketing; many values per bucket force wide candidates.
        int[] smallRegions = [1, 2, 8, 64, 512];
        int[] perBucket = [1, 2, 4, 16, 200, 5000];
        var smallRegion = smallRegions[random.Next(smallRegions.Length)];
        var valuesPerBucket = perBucket[random.Next(perBucket.Length)];

        var expected = Reference(x, y);
        var actual = EcdfExtremes.Compute(x, xSorted, y, ySorted, double.NaN, double.NaN, 0, smallRegion, valuesPerBucket);
        AssertSame(expected, actual,
            $"{s_kinds[kindX]} {x.Length} (sorted {xSorted}) vs {s_kinds[kindY]} {y.Length} (sorted {ySorted}), region {smallRegion}, per bucket {valuesPerBucket}");
        return true.ToProperty();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    public void Compute_LargeSamplesWithDefaultTuning_EqualsTheFullMerge(int kind)
    {
        var random = new Random(1000 + kind);
        var x = Sample(random, kind, 60_000, 0);
        var y = Sample(random, kind, 45_001, 0.01);
        var expected = Reference(x, y);
        AssertSame(expected, EcdfExtremes.Compute(x, false, y, false), s_kinds[kind]);

        var xs = (double[])x.Clone();
        Array.Sort(xs);
        AssertSame(expected, EcdfExtremes.Compute(xs, true, y, false), s_kinds[kind] + ", x sorted");
        var ys = (double[])y.Clone();
        Array.Sort(ys);
        AssertSame(expected, EcdfExtremes.Compute(xs, true, ys, true), s_kinds[kind] + ", both sorted");
    }

    [Fact]
    public void Compute_ShiftedContinuousSamples_WalksOnlyTheBucketsThatCanHoldTheExtremes()
    {
        // Normal samples of 60 000 and 45 001, the second shifted by 0.25: the difference F_x − F_y peaks near the middle,
        // and a bucket far from there cannot reach the attained maximum or minimum, so it is counted but never sorted.
        var random = new Random(1000);
        var x = Sample(random, 0, 60_000, 0);
        var y = Sample(random, 0, 45_001, 0.25);
        // The default tuning (16 values per bucket); 636 values are walked today.
        var actual = EcdfExtremes.Compute(x, false, y, false, double.NaN, double.NaN, EcdfExtremes.DefaultMinBucketedSize,
            EcdfExtremes.DefaultSmallRegion, valuesPerBucket: 16, out var walked);
        AssertSame(Reference(x, y), actual, "shifted normal");
        Assert.True(walked < (x.Length + y.Length) / 10, $"{walked} of {x.Length + y.Length} values were sorted and walked");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Compute_IdenticalLargeSamples_EqualsTheFullMerge(int kind)
    {
        // Nothing can be pruned: the search must fall back to sorting without losing the location or the tie order.
        var random = new Random(2000 + kind);
        var x = Sample(random, kind, 50_000, 0);
        var y = (double[])x.Clone();
        random.Shuffle(y);
        var expected = Reference(x, y);
        AssertSame(expected, EcdfExtremes.Compute(x, false, y, false), s_kinds[kind] + ", identical");
        var ys = (double[])y.Clone();
        Array.Sort(ys);
        AssertSame(expected, EcdfExtremes.Compute(x, false, ys, true), s_kinds[kind] + ", identical, y sorted");
    }

    [Fact]
    public void Compute_ExtremeInTheMiddleOfAHeavyBucket_IsFound()
    {
        // Two samples identical except for a narrow band inside the densest region, where the whole difference lives.
        var random = new Random(5);
        var x = Sample(random, 0, 200_000, 0);
        var y = (double[])x.Clone();
        for (var i = 0; i < y.Length; i++)
        {
            if (y[i] is > 0.1 and < 0.1001)
            {
                y[i] += 0.0002;
            }
        }

        var expected = Reference(x, y);
        Assert.True(expected.Max > 0, "the band moves mass, so the difference is positive somewhere");
        AssertSame(expected, EcdfExtremes.Compute(x, false, y, false), "narrow band");
    }

    [Fact]
    public void TwoSample_AllOverloads_AgreeOnLargeSamples()
    {
        var random = new Random(11);
        var x = Sample(random, 0, 120_000, 0);
        var y = Sample(random, 0, 80_000, 0.005);
        var spans = Statistics.KolmogorovSmirnov.TwoSample(x, y);
        var sortedX = SortedSample.Create(x);
        var sortedY = SortedSample.Create(y);
        foreach (var other in new[]
                 {
                     Statistics.KolmogorovSmirnov.TwoSample(sortedX, y),
                     Statistics.KolmogorovSmirnov.TwoSample(x, sortedY),
                     Statistics.KolmogorovSmirnov.TwoSample(sortedX, sortedY),
                 })
        {
            Assert.Equal(spans.Statistic, other.Statistic);
            Assert.Equal(spans.PValue, other.PValue);
            Assert.Equal(spans.StatisticSign, other.StatisticSign);
            Assert.Equal(spans.StatisticLocation, other.StatisticLocation);
        }

        var expected = Reference(x, y);
        Assert.Equal(Math.Max(expected.Max, -expected.Min), spans.Statistic);
    }
}
