using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiGovernance.Statistics.Tests.Binning;

/// <summary>The bucketed selection of quantiles and the SIMD bin counter against the naive sort-then-index and
/// binary-search-per-value implementations: equal bits and equal counts, not just close.</summary>
public class SelectionAndCountingTests
{
    public static TheoryData<string, int> Shapes()
    {
        var data = new TheoryData<string, int>();
        foreach (var shape in new[] { "normal", "ties", "constant", "ascending", "descending", "signed-zeros", "huge-range", "subnormal", "one-bucket", "integers", "cauchy", "powers-of-two", "clusters" })
        {
            foreach (var n in new[] { 1, 7, 2047, 2048, 2049, 10_000, 100_003 })
            {
                data.Add(shape, n);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void QuantilesR7_BySelection_EqualSortedQuantilesBitForBit(string shape, int n)
    {
        var values = Make(shape, n, seed: n);
        var sorted = (double[])values.Clone();
        DoubleSorter.SortInPlace(sorted);
        foreach (var bins in new[] { 2, 3, 4, 7, 10, 20, 100, 256, 257 })
        {
            var selected = new double[bins - 1];
            QuantileSelector.QuantilesR7(values, bins, selected);
            for (var k = 1; k < bins; k++)
            {
                var expected = SortedSample.QuantileR7(sorted, (double)k / bins);
                Assert.True(
                    BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(selected[k - 1]),
                    string.Create(CultureInfo.InvariantCulture, $"{shape} n={n} bins={bins} k={k}: expected {expected:R}, selected {selected[k - 1]:R}"));
            }
        }
    }

    [Property(MaxTest = 60)]
    public Property QuantilesR7_BySelection_EqualSortedQuantiles_ForRandomSamples(PositiveInt seed, PositiveInt size, byte binCount)
    {
        var n = QuantileSelector.SelectionThreshold + (size.Get % 20_000);
        var bins = 2 + (binCount % 40);
        var values = Make((seed.Get % 6) switch { 0 => "normal", 1 => "ties", 2 => "cauchy", 3 => "powers-of-two", 4 => "clusters", _ => "huge-range" }, n, seed.Get);
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var selected = new double[bins - 1];
        QuantileSelector.QuantilesR7(values, bins, selected);
        var ok = true;
        for (var k = 1; k < bins; k++)
        {
            ok &= SortedSample.QuantileR7(sorted, (double)k / bins) == selected[k - 1];
        }

        return ok.Label($"n={n} bins={bins} seed={seed.Get}");
    }

    [Fact]
    public void SelectRanks_ReturnsTheKeysAtThoseRanksOfTheSortedSample()
    {
        var values = Make("normal", 50_000, seed: 3);
        var sorted = (double[])values.Clone();
        DoubleSorter.SortInPlace(sorted);
        int[] ranks = [0, 0, 1, 17, 4_999, 5_000, 25_000, 25_001, 49_998, 49_999];
        var keys = new ulong[ranks.Length];
        QuantileSelector.SelectRanks(values, ranks, keys);
        for (var i = 0; i < ranks.Length; i++)
        {
            Assert.Equal(sorted[ranks[i]], BitConverter.UInt64BitsToDouble(DoubleSorter.FromKey(keys[i])));
        }
    }

    [Property]
    public Property BinCounter_EqualsBinarySearchPerValue(NormalFloat[] values, NormalFloat[] cutCandidates, bool reuseValuesAsCuts)
    {
        var data = new double[values.Length];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = values[i].Get;
        }

        // Cut points: strictly increasing, at most 32, often equal to data values (the right-closed edge case).
        var cuts = new SortedSet<double>();
        foreach (var c in cutCandidates)
        {
            cuts.Add(c.Get);
        }

        if (reuseValuesAsCuts)
        {
            foreach (var v in data)
            {
                cuts.Add(v);
            }
        }

        if (cuts.Count == 0)
        {
            cuts.Add(0.0);
        }

        var cutArray = cuts.Take(BinCounter.MaxCutPoints).ToArray();
        var edges = BinEdges.FromCutPoints(cutArray);
        var expected = new long[edges.BinCount];
        foreach (var v in data)
        {
            expected[edges.IndexOf(v)]++;
        }

        var actual = new long[edges.BinCount];
        BinCounter.Count(data, cutArray, actual);
        return expected.SequenceEqual(actual).Label($"{data.Length} values, {cutArray.Length} cuts");
    }

    [Fact]
    public void BinCounter_LongInputWithValuesOnTheCuts_MatchesBinOfAndAddsToExistingCounts()
    {
        var random = new Random(11);
        var data = new double[100_001];
        double[] cuts = [-2, -1, -0.5, 0, 0.25, 0.5, 1, 2, 3];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = i % 7 == 0 ? cuts[random.Next(cuts.Length)] : Math.Round((random.NextDouble() * 8) - 4, 2);
        }

        data[5] = -0.0;
        var edges = BinEdges.FromCutPoints(cuts);
        var expected = new long[edges.BinCount];
        foreach (var v in data)
        {
            expected[edges.BinOf(v)] += 1;
        }

        var actual = new long[edges.BinCount];
        actual[3] = 1_000; // Count adds to the counters it is given.
        expected[3] += 1_000;
        edges.Count(data, actual);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("normal", 100_000)]
    [InlineData("ties", 30_000)]
    [InlineData("one-bucket", 5_000)]
    [InlineData("normal", 500)]
    public void PsiAnalyze_FromSpans_EqualsTheSortedReferencePath(string shape, int n)
    {
        var reference = Make(shape, n, seed: 1);
        var current = Make(shape, n + 17, seed: 2);
        foreach (var binning in new[] { BinningStrategy.Quantile, BinningStrategy.EqualWidth })
        {
            var options = new PsiOptions { Bins = 10, Binning = binning };
            var fromSpans = PopulationStabilityIndex.Analyze(reference, current, options);
            var fromSorted = PopulationStabilityIndex.Analyze(SortedSample.Create(reference), current, options);
            Assert.Equal(fromSorted.Value, fromSpans.Value);
            Assert.Equal(fromSorted.Bins.ToArray(), fromSpans.Bins.ToArray());
        }
    }

    internal static double[] Make(string shape, int n, int seed)
    {
        var random = new Random(seed);
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = shape switch
            {
                "normal" => Gaussian(random),
                "ties" => random.Next(12) / 4.0,
                "constant" => 3.25,
                "ascending" => i * 0.001,
                "descending" => -i * 0.5,
                "signed-zeros" => random.Next(4) switch { 0 => 0.0, 1 => -0.0, 2 => 1.0, _ => -1.0 },
                "huge-range" => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-300, 308)),
                "subnormal" => random.Next(-5, 5) * double.Epsilon,
                "one-bucket" => 1.0 + (random.NextDouble() / 32), // every key shares its top 16 bits
                "integers" => random.Next(-1000, 1000),

                // Heavy tails put most values into a few equal-width buckets (re-bucketed a level down); powers of two
                // defeat equal-width buckets at every level (the depth limit sorts); clusters far apart leave the
                // buckets between them empty.
                "cauchy" => Math.Tan(Math.PI * (random.NextDouble() - 0.5)),
                "powers-of-two" => (random.Next(2) == 0 ? -1 : 1) * Math.ScaleB(1.0, random.Next(-1000, 1000)),
                "clusters" => (random.Next(3) - 1) * 1e9 + Gaussian(random),
                _ => throw new ArgumentOutOfRangeException(nameof(shape)),
            };
        }

        return values;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
