using System.Text.Json;
using AiGovernance.Statistics;

namespace AiGovernance.Statistics.Tests.Serialization;

public class KllSketchJsonConverterTests
{
    [Fact]
    public void Write_CompactedSketch_WritesEveryLevelWithItsCompactionCounter()
    {
        // k = 8 over 1,000 values compacts into several levels; the JSON holds the parameters, the exact extremes, one
        // array per level and one counter per level, and the level weights Σ |level h| · 2^h add up to the count.
        var sketch = Stream(k: 8, seed: 11, count: 1000);
        Assert.True(sketch.LevelCount > 2);

        using var document = JsonDocument.Parse(Json(sketch));
        var root = document.RootElement;
        Assert.Equal(
            ["k", "seed", "count", "minimum", "maximum", "levels", "compactions"],
            root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(8, root.GetProperty("k").GetInt32());
        Assert.Equal(11, root.GetProperty("seed").GetInt64());
        Assert.Equal(1000, root.GetProperty("count").GetInt64());
        Assert.Equal(sketch.Minimum, root.GetProperty("minimum").GetDouble());
        Assert.Equal(sketch.Maximum, root.GetProperty("maximum").GetDouble());

        var levels = root.GetProperty("levels").EnumerateArray().ToArray();
        var compactions = root.GetProperty("compactions").EnumerateArray().Select(c => c.GetInt64()).ToArray();
        Assert.Equal(sketch.LevelCount, levels.Length);
        Assert.Equal(sketch.LevelCount, compactions.Length);
        long weight = 0;
        for (var h = 0; h < levels.Length; h++)
        {
            var items = levels[h].EnumerateArray().Select(v => v.GetDouble()).ToArray();
            Assert.Equal(sketch.LevelItems(h), items);
            Assert.Equal(sketch.CompactionsAt(h), compactions[h]);
            Assert.All(items, v => Assert.InRange(v, sketch.Minimum, sketch.Maximum));
            weight += (long)items.Length << h;
        }

        Assert.Equal(1000, weight);
        Assert.True(compactions[0] > 0);
    }

    [Fact]
    public void RoundTrip_KeepsParametersQuantilesRanksAndErrorBound()
    {
        var sketch = Stream(k: 16, seed: 3, count: 50_000);
        var back = JsonSerializer.Deserialize(Json(sketch), StatisticsJsonContext.Default.KllSketch)!;

        Assert.Equal((sketch.K, sketch.Seed, sketch.Count), (back.K, back.Seed, back.Count));
        Assert.Equal((sketch.Minimum, sketch.Maximum), (back.Minimum, back.Maximum));
        Assert.Equal(sketch.RankErrorBound, back.RankErrorBound);
        foreach (var p in new[] { 0.0, 0.01, 0.25, 0.5, 0.75, 0.99, 1.0 })
        {
            Assert.Equal(sketch.Quantile(p), back.Quantile(p));
        }

        foreach (var x in new[] { -50.0, 0.0, 12.5, 99.0 })
        {
            Assert.Equal(sketch.Rank(x), back.Rank(x));
        }
    }

    [Fact]
    public void RoundTrip_ThenAdding_GivesTheSketchOfTheWholeStream()
    {
        // A sketch is a deterministic function of its seed and input (KllSketch remarks), and the JSON is its whole state:
        // a sketch saved mid-stream, read back and fed the rest equals one fed the whole stream without a pause.
        var whole = Stream(k: 8, seed: 5, count: 3000);
        var saved = Json(Stream(k: 8, seed: 5, count: 1700));
        var resumed = JsonSerializer.Deserialize(saved, StatisticsJsonContext.Default.KllSketch)!;
        for (var i = 1700; i < 3000; i++)
        {
            resumed.Add(Value(i));
        }

        Assert.Equal(Json(whole), Json(resumed));
    }

    [Fact]
    public void Read_WithoutLevels_NamesLevels()
    {
        const string json = """{"k":8,"seed":1,"count":0,"minimum":"NaN","maximum":"NaN","compactions":[0]}""";
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, StatisticsJsonContext.Default.KllSketch));
        Assert.Contains("'levels'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LevelWeightsNotAddingUpToTheCount_IsRejectedAsInvalidJson()
    {
        // Level 0 holds 2 items and level 1 one item of weight 2: weight 4, not the stated count 5.
        const string json = """{"k":8,"seed":1,"count":5,"minimum":1,"maximum":4,"levels":[[1,2],[4]],"compactions":[1,1]}""";
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, StatisticsJsonContext.Default.KllSketch));
        Assert.Equal("count", Assert.IsType<ArgumentException>(error.InnerException).ParamName);
        Assert.Contains("add up to 4, not the count 5", error.Message, StringComparison.Ordinal);
    }

    private static double Value(int i) => Math.Round(Math.Sin(i * 0.37) * 100, 2);

    private static KllSketch Stream(int k, long seed, int count)
    {
        var sketch = new KllSketch(k, seed);
        for (var i = 0; i < count; i++)
        {
            sketch.Add(Value(i));
        }

        return sketch;
    }

    private static string Json(KllSketch sketch) => JsonSerializer.Serialize(sketch, StatisticsJsonContext.Default.KllSketch);
}
