using System.Text.Json;
using AiGovernance.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiGovernance.Statistics.Tests.Profiles;

public class KllSketchTests
{
    [Fact]
    public void SmallStream_IsExact()
    {
        var data = Enumerable.Range(0, 150).Select(i => Math.Sin(i) * 10).ToArray();
        var sketch = new KllSketch();
        sketch.Add(data);
        var sorted = SortedSample.Create(data);

        Assert.True(sketch.IsExact);
        Assert.Equal(0, sketch.RankErrorBound);
        Assert.Equal(150, sketch.Count);
        Assert.Equal(sorted.Minimum, sketch.Minimum);
        Assert.Equal(sorted.Maximum, sketch.Maximum);
        foreach (var x in data)
        {
            Assert.Equal(sorted.CountAtOrBelow(x), sketch.Rank(x));
        }

        Assert.Equal(sorted.Values[74], sketch.Quantile(0.5));
        Assert.Equal(sorted.Minimum, sketch.Quantile(0));
        Assert.Equal(sorted.Maximum, sketch.Quantile(1));
    }

    [Fact]
    public void LargeStream_RankErrorIsWithinTheStatedBound()
    {
        var random = new Random(7);
        var data = new double[200_000];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = Math.Exp(random.NextDouble() * 3) + (random.NextDouble() < 0.1 ? 5 : 0);
        }

        var sketch = new KllSketch(200, 11);
        sketch.Add(data);
        var measured = MaxNormalisedRankError(sketch, data);

        Assert.False(sketch.IsExact);
        Assert.InRange(sketch.RetainedCount, 1, 3 * 200 + 64);
        Assert.True(measured <= sketch.RankErrorBound, $"measured {measured} > bound {sketch.RankErrorBound}");
        Assert.InRange(sketch.GetPointRankErrorBound(0.99), 0.005, 0.015);
        Assert.InRange(sketch.RankErrorBound, 0.015, 0.035);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"n = {data.Length}, k = 200: measured max rank error {measured:E3}, uniform bound (99%) {sketch.RankErrorBound:E3}, per-point bound {sketch.GetPointRankErrorBound(0.99):E3}, retained {sketch.RetainedCount}");

        var median = sketch.Quantile(0.5);
        var sorted = SortedSample.Create(data);
        var pointBound = sketch.GetPointRankErrorBound(0.99);
        Assert.InRange(sorted.EmpiricalCdf(median), 0.5 - pointBound, 0.5 + pointBound + (1.0 / data.Length));
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(10_000)]
    [InlineData(100_000)]
    [InlineData(1_000_000)]
    [InlineData(4_000_000)]
    public void RankErrorBound_ForDefaultK_StaysBelowTheDocumentedCeiling(int n)
    {
        // The bound depends only on the compaction schedule (n and k), not on the values.
        var sketch = new KllSketch();
        for (var i = 0; i < n; i++)
        {
            sketch.Add((i * 0.6180339887498949) % 1);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"k = 200, n = {n}: uniform bound {sketch.RankErrorBound:E3}, per-point bound {sketch.GetPointRankErrorBound(0.99):E3}, retained {sketch.RetainedCount}");
        Assert.InRange(sketch.RankErrorBound, 0.015, 0.032);
        Assert.InRange(sketch.GetPointRankErrorBound(0.99), 0.005, 0.014);
        Assert.True(sketch.GetRankErrorBound(0.9) < sketch.RankErrorBound);
        Assert.InRange(sketch.RetainedCount, 1, 3 * 200 + 64);
    }

    [Property(MaxTest = 25)]
    public Property MergedPartitions_RankErrorWithinBound(PositiveInt seed, PositiveInt partitions)
    {
        var random = new Random(seed.Get);
        var n = 5_000 + random.Next(40_000);
        var data = new double[n];
        for (var i = 0; i < n; i++)
        {
            data[i] = random.NextDouble() < 0.5 ? random.NextDouble() * 100 : Math.Round(random.NextDouble() * 20);
        }

        // Random cut positions, then merge the partition sketches in a random order.
        var parts = 1 + (partitions.Get % 12);
        var cuts = Enumerable.Range(0, parts - 1).Select(_ => random.Next(n)).Append(0).Append(n).Order().ToArray();
        var sketches = new List<KllSketch>();
        for (var p = 0; p + 1 < cuts.Length; p++)
        {
            var sketch = new KllSketch(100, 3);
            sketch.Add(data.AsSpan(cuts[p], cuts[p + 1] - cuts[p]));
            sketches.Add(sketch);
        }

        while (sketches.Count > 1)
        {
            var i = random.Next(sketches.Count);
            var a = sketches[i];
            sketches.RemoveAt(i);
            var j = random.Next(sketches.Count);
            sketches[j] = KllSketch.Merge(a, sketches[j]);
        }

        var merged = sketches[0];
        var measured = MaxNormalisedRankError(merged, data);
        return (merged.Count == n && measured <= merged.RankErrorBound)
            .Label($"n = {n}, parts = {parts}: measured {measured}, bound {merged.RankErrorBound}");
    }

    [Fact]
    public void DefaultK_AcrossRandomPartitions_MeasuredErrorStaysWithinTheBound()
    {
        double worstMeasured = 0, worstRatio = 0, smallestBound = double.MaxValue, largestBound = 0;
        for (var seed = 1; seed <= 10; seed++)
        {
            var random = new Random(seed);
            var data = new double[100_000];
            for (var i = 0; i < data.Length; i++)
            {
                data[i] = (random.NextDouble() * random.NextDouble() * 50) + random.Next(3);
            }

            var parts = 2 + random.Next(15);
            var cuts = Enumerable.Range(0, parts - 1).Select(_ => random.Next(data.Length)).Append(0).Append(data.Length).Order().ToArray();
            KllSketch? merged = null;
            foreach (var p in Enumerable.Range(0, cuts.Length - 1).OrderBy(_ => random.Next()))
            {
                var sketch = new KllSketch();
                sketch.Add(data.AsSpan(cuts[p], cuts[p + 1] - cuts[p]));
                merged = merged is null ? sketch : KllSketch.Merge(merged, sketch);
            }

            var measured = MaxNormalisedRankError(merged!, data);
            Assert.True(measured <= merged!.RankErrorBound, $"seed {seed}: measured {measured} > bound {merged.RankErrorBound}");
            worstMeasured = Math.Max(worstMeasured, measured);
            worstRatio = Math.Max(worstRatio, measured / merged.RankErrorBound);
            smallestBound = Math.Min(smallestBound, merged.RankErrorBound);
            largestBound = Math.Max(largestBound, merged.RankErrorBound);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"k = 200, n = 100000, 10 random partitionings (2-16 parts): worst measured {worstMeasured:E3}, bounds {smallestBound:E3}..{largestBound:E3}, worst measured/bound {worstRatio:F2}");
    }

    [Fact]
    public void Merge_IsExactlyCommutative_AndKeepsCountAndExtremes()
    {
        var a = Filled(1, 30_000, 5);
        var b = Filled(2, 17_000, 5);

        var ab = KllSketch.Merge(a, b);
        var ba = KllSketch.Merge(b, a);

        Assert.Equal(Json(ab), Json(ba));
        Assert.Equal(47_000, ab.Count);
        Assert.Equal(Math.Min(a.Minimum, b.Minimum), ab.Minimum);
        Assert.Equal(Math.Max(a.Maximum, b.Maximum), ab.Maximum);
        Assert.Equal(30_000, a.Count);
    }

    [Fact]
    public void SameSeedAndInput_GiveTheSameSketch()
    {
        Assert.Equal(Json(Filled(9, 50_000, 1)), Json(Filled(9, 50_000, 1)));
        Assert.NotEqual(Json(Filled(9, 50_000, 1)), Json(Filled(9, 50_000, 2)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(999)]
    [InlineData(200_000)]
    public void AddSpan_GivesTheSameSketchAsAddingOneByOne(int n)
    {
        // The span path appends runs to level 0 between compactions; it must compact at exactly the same points.
        var random = new Random(n);
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = i % 97 == 0 ? -0.0 : Math.Round(random.NextDouble() * 1000, 1);
        }

        var one = new KllSketch(k: 64, seed: 5);
        foreach (var value in values)
        {
            one.Add(value);
        }

        var bulk = new KllSketch(k: 64, seed: 5);
        bulk.Add(values.AsSpan(0, n / 3));
        bulk.Add(values.AsSpan(n / 3));
        Assert.Equal(Json(one), Json(bulk));
        Assert.Equal(n > 1, !bulk.IsExact); // k = 64 compacts within the first thousand values.
    }

    [Theory]
    [InlineData("whole")]
    [InlineData("mergedThenAdded")]
    [InlineData("smallK")]
    public void SeededStreams_GiveThePinnedSketchStates(string name)
    {
        // States written by the implementation before run tracking and insertion-sorted small levels (TestData/
        // kll_pinned_generator): a faster compaction must keep every level, coin flip and compaction count. The stream
        // mixes ties, both zeros and values over seven magnitudes; "mergedThenAdded" goes on adding after a merge
        // (levels restored without known runs), "smallK" adds one by one with k = 8 (many levels).
        var values = Enumerable.Range(0, 300_000).Select(PinnedValue).ToArray();
        KllSketch sketch;
        switch (name)
        {
            case "whole":
                sketch = new KllSketch(200, 3);
                sketch.Add(values);
                break;
            case "mergedThenAdded":
                var first = new KllSketch(200, 3);
                first.Add(values.AsSpan(0, 120_000));
                var second = new KllSketch(200, 3);
                second.Add(values.AsSpan(120_000, 100_000));
                sketch = KllSketch.Merge(first, second);
                sketch.Add(values.AsSpan(220_000));
                break;
            default:
                sketch = new KllSketch(8, 11);
                foreach (var value in values.AsSpan(0, 5_000))
                {
                    sketch.Add(value);
                }

                break;
        }

        var expected = Reference.Load("kll_pinned_reference.json").GetProperty(name).GetRawText();
        Assert.Equal(expected, Json(sketch));
    }

    private static double PinnedValue(int i) => (i % 11) switch
    {
        0 => -0.0,
        1 => 0.0,
        2 => Math.Round(((i * 2654435761L) & 0xFFFF) / 100.0),
        _ => ((((i * 2654435761L) & 0xFFFFF) / 1048576.0) - 0.3) * Math.Pow(10, i % 7),
    };

    [Fact]
    public void Json_RoundTrips_AndRejectsInconsistentState()
    {
        var sketch = Filled(4, 20_000, 8);
        var json = Json(sketch);
        var back = JsonSerializer.Deserialize(json, StatisticsJsonContext.Default.KllSketch)!;

        Assert.Equal(json, Json(back));
        Assert.Equal(sketch.Rank(0.5), back.Rank(0.5));
        Assert.Equal(sketch.RankErrorBound, back.RankErrorBound);

        var tampered = json.Replace("\"count\":20000", "\"count\":20001", StringComparison.Ordinal);
        Assert.NotEqual(json, tampered);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(tampered, StatisticsJsonContext.Default.KllSketch));
    }

    [Fact]
    public void BadInput_IsRejected()
    {
        var sketch = new KllSketch();
        Assert.Equal("value", Assert.Throws<ArgumentException>(() => sketch.Add(double.NaN)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => sketch.Add([1.0, double.PositiveInfinity])).ParamName);
        Assert.Equal(0, sketch.Count);
        Assert.Throws<InvalidOperationException>(() => sketch.Cdf(0));
        Assert.Throws<InvalidOperationException>(() => sketch.Quantile(0.5));
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => new KllSketch(4)).ParamName);
        Assert.Equal("second", Assert.Throws<ArgumentException>(() => KllSketch.Merge(new KllSketch(200, 1), new KllSketch(200, 2))).ParamName);
        Assert.Equal("second", Assert.Throws<ArgumentException>(() => KllSketch.Merge(new KllSketch(200), new KllSketch(100))).ParamName);
        sketch.Add(1);
        Assert.Equal("p", Assert.Throws<ArgumentOutOfRangeException>(() => sketch.Quantile(1.5)).ParamName);
        Assert.Equal("confidence", Assert.Throws<ArgumentOutOfRangeException>(() => sketch.GetRankErrorBound(1)).ParamName);
        Assert.Equal("confidence", Assert.Throws<ArgumentOutOfRangeException>(() => sketch.GetPointRankErrorBound(0)).ParamName);
    }

    [Fact]
    public void FromState_WithoutExactlyOneCompactionCounterPerLevel_NamesLevels()
    {
        // A restored state pairs every level with its compaction counter (the error bound sums them per level): a counter
        // too many, a counter too few, or no level at all is an inconsistent state, rejected before it is read.
        Assert.Equal("levels", Assert.Throws<ArgumentException>(() => KllSketch.FromState(8, 0, 2, 1, 2, [[1, 2]], [0, 0])).ParamName);
        Assert.Equal("levels", Assert.Throws<ArgumentException>(() => KllSketch.FromState(8, 0, 2, 1, 2, [[1, 2], []], [0])).ParamName);
        Assert.Equal("levels", Assert.Throws<ArgumentException>(() => KllSketch.FromState(8, 0, 0, double.NaN, double.NaN, [], [])).ParamName);
    }

    internal static double MaxNormalisedRankError(KllSketch sketch, double[] data)
    {
        var sorted = SortedSample.Create(data);
        var values = sorted.Values;
        double worst = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (i + 1 < values.Length && values[i + 1] == values[i])
            {
                continue;
            }

            worst = Math.Max(worst, Math.Abs(sketch.Rank(values[i]) - (i + 1)) / (double)values.Length);
        }

        return worst;
    }

    private static KllSketch Filled(int dataSeed, int n, long sketchSeed)
    {
        var random = new Random(dataSeed);
        var sketch = new KllSketch(200, sketchSeed);
        for (var i = 0; i < n; i++)
        {
            sketch.Add(random.NextDouble() * 10);
        }

        return sketch;
    }

    private static string Json(KllSketch sketch) => JsonSerializer.Serialize(sketch, StatisticsJsonContext.Default.KllSketch);

    [Fact]
    public void Compaction_OfALevelHoldingSortedRuns_PromotesEveryOtherItemOfTheWholeLevelInOrder()
    {
        // Level 1 holds three ascending runs (as compactions of level 0 leave it) and is over its capacity, so restoring
        // the state compacts it: the runs are merged, the smallest item stays (odd count) and every other item of the
        // merged level goes up, from the first or second by the coin.
        double[] runs = [3, 7, 11, 1, 2, 20, 0.5, 6, 9];
        var sketch = KllSketch.FromState(8, 0, 5 + (2 * runs.Length), 0.5, 20, [[4, 5, 8, 10, 12], runs], [0, 0]);

        Assert.Equal([0.5], sketch.LevelItems(1));
        var promoted = sketch.LevelItems(2).ToArray();
        Assert.True(promoted.SequenceEqual([1.0, 3, 7, 11]) || promoted.SequenceEqual([2.0, 6, 9, 20]), string.Join(", ", promoted));
        Assert.Equal(1, sketch.CompactionsAt(1));
    }
}
