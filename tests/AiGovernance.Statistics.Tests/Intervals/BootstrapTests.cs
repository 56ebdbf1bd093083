using System.Text.Json;

namespace AiGovernance.Statistics.Tests.Intervals;

/// <summary>The reference script re-implements the documented draws (SplitMix64, Lemire's bounded draw, the cell
/// resampling, NumPy's linear quantiles) in Python, so these compare two independent implementations of one
/// definition rather than a value with itself.</summary>
public class BootstrapTests
{
    private static readonly JsonElement Data = Reference.Load("bootstrap_reference.json");

    private static Func<ConfusionCounts, double> Metric(string name) => name switch
    {
        "accuracy" => c => c.Accuracy,
        "precision" => c => c.Precision,
        "recall" => c => c.Recall,
        "f1" => c => c.F1,
        _ => throw new ArgumentException(name),
    };

    private static bool[] Labels(JsonElement array) => array.EnumerateArray().Select(v => v.GetInt32() == 1).ToArray();

    [Fact]
    public void ConfusionMetric_MatchesTheIndependentReimplementation()
    {
        foreach (var c in Data.GetProperty("single").EnumerateArray())
        {
            var k = c.GetProperty("counts").EnumerateArray().Select(v => v.GetInt64()).ToArray();
            var result = Bootstrap.ConfusionMetric(
                new ConfusionCounts(k[0], k[1], k[2], k[3]),
                Metric(c.GetProperty("metric").GetString()!),
                c.GetProperty("resamples").GetInt32(),
                c.GetProperty("seed").GetInt64(),
                c.GetProperty("confidence_level").GetDouble());
            var name = c.GetProperty("metric").GetString() + " of " + string.Join(",", k);
            Reference.AssertClose(Reference.GetDouble(c.GetProperty("lower")), result.Interval.Lower, name + " lower");
            Reference.AssertClose(Reference.GetDouble(c.GetProperty("upper")), result.Interval.Upper, name + " upper");
            Assert.Equal(c.GetProperty("defined").GetInt32(), result.DefinedResamples);
            Assert.Equal(c.GetProperty("resamples").GetInt32(), result.Resamples);
        }
    }

    [Fact]
    public void ResampleCells_FirstResampleMatchesTheReference()
    {
        foreach (var c in Data.GetProperty("single").EnumerateArray())
        {
            var k = c.GetProperty("counts").EnumerateArray().Select(v => v.GetInt64()).ToArray();
            long[] ends = [k[0], k[0] + k[1], k[0] + k[1] + k[2], k.Sum()];
            var drawn = new long[4];
            var random = new SplitMix64Random(c.GetProperty("seed").GetInt64());
            Bootstrap.ResampleCells(ref random, ends, drawn);
            Assert.Equal(c.GetProperty("first_resample").EnumerateArray().Select(v => v.GetInt64()), drawn);
        }
    }

    [Fact]
    public void PairedConfusionMetric_MatchesTheIndependentReimplementation()
    {
        foreach (var c in Data.GetProperty("paired").EnumerateArray())
        {
            var metric = Metric(c.GetProperty("metric").GetString()!);
            var result = Bootstrap.PairedConfusionMetric(
                Labels(c.GetProperty("y_true")),
                Labels(c.GetProperty("first")),
                Labels(c.GetProperty("second")),
                (a, b) => metric(a) - metric(b),
                c.GetProperty("resamples").GetInt32(),
                c.GetProperty("seed").GetInt64(),
                c.GetProperty("confidence_level").GetDouble());
            var name = "paired " + c.GetProperty("metric").GetString();
            Reference.AssertClose(Reference.GetDouble(c.GetProperty("lower")), result.Interval.Lower, name + " lower");
            Reference.AssertClose(Reference.GetDouble(c.GetProperty("upper")), result.Interval.Upper, name + " upper");
            Assert.Equal(c.GetProperty("defined").GetInt32(), result.DefinedResamples);
        }
    }

    [Fact]
    public void PercentileInterval_MatchesNumpyQuantileOfTheDefinedReplicates()
    {
        foreach (var c in Data.GetProperty("percentile").EnumerateArray())
        {
            var values = Reference.GetDoubles(c.GetProperty("values"));
            var interval = Bootstrap.PercentileInterval(values, c.GetProperty("confidence_level").GetDouble());
            Reference.AssertClose(Reference.GetDouble(c.GetProperty("lower")), interval.Lower, $"{values.Length} values lower");
            Reference.AssertClose(Reference.GetDouble(c.GetProperty("upper")), interval.Upper, $"{values.Length} values upper");
        }
    }

    [Fact]
    public void PercentileInterval_OrdersInfinitiesAndIgnoresNaN()
    {
        // A ratio's replicates can be +∞ (zero denominator); they are ordered values, not undefined ones.
        double[] replicates = [1, double.NaN, 2, double.PositiveInfinity, 3];
        var interval = Bootstrap.PercentileInterval(replicates, 0.5);
        Assert.Equal(new Interval(1.75, double.PositiveInfinity), interval);
        Assert.Equal(new Interval(double.NaN, double.NaN), Bootstrap.PercentileInterval([double.NaN], 0.9));
    }

    [Fact]
    public void ConfusionMetric_IsReproducibleForASeed_AndChangesWithIt()
    {
        var counts = new ConfusionCounts(40, 10, 12, 38);
        var a = Bootstrap.ConfusionMetric(counts, c => c.F1, 300, seed: 1);
        Assert.Equal(a, Bootstrap.ConfusionMetric(counts, c => c.F1, 300, seed: 1));
        Assert.NotEqual(a.Interval, Bootstrap.ConfusionMetric(counts, c => c.F1, 300, seed: 2).Interval);
    }

    [Fact]
    public void BadArguments_NameTheArgument()
    {
        var counts = new ConfusionCounts(1, 1, 1, 1);
        Assert.Equal("statistic", Assert.Throws<ArgumentNullException>(() => Bootstrap.ConfusionMetric(counts, null!, 10, 0)).ParamName);
        Assert.Equal("counts", Assert.Throws<ArgumentOutOfRangeException>(
            () => Bootstrap.ConfusionMetric(new ConfusionCounts(-1, 0, 0, 5), c => c.F1, 10, 0)).ParamName);
        Assert.Equal("counts", Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.ConfusionMetric(default, c => c.F1, 10, 0)).ParamName);
        Assert.Equal("resamples", Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.ConfusionMetric(counts, c => c.F1, 0, 0)).ParamName);
        Assert.Equal("confidenceLevel", Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.PercentileInterval([1.0], 0)).ParamName);
        Assert.Equal("yPredSecond", Assert.Throws<ArgumentException>(
            () => Bootstrap.PairedConfusionMetric([true, false], [true, false], [true], (a, b) => 0, 10, 0)).ParamName);
        Assert.Equal("yTrue", Assert.Throws<ArgumentException>(
            () => Bootstrap.PairedConfusionMetric([], [], [], (a, b) => 0, 10, 0)).ParamName);
    }

    [Fact]
    public void ConfusionMetric_AcceptsExactlyInt32MaxValueExamples()
    {
        // The documented bound is "between 1 and Int32.MaxValue examples", inclusive, whichever cell holds them. A real run
        // would draw 2³¹ − 1 examples per resample, so an invalid resample count stops the call right after the counts
        // were validated: the error must name resamples, not counts. One example more is rejected as counts.
        Assert.Equal("resamples", Assert.Throws<ArgumentOutOfRangeException>(
            () => Bootstrap.ConfusionMetric(new ConfusionCounts(0, 0, 0, int.MaxValue), c => c.Accuracy, 0, 0)).ParamName);
        Assert.Equal("resamples", Assert.Throws<ArgumentOutOfRangeException>(
            () => Bootstrap.ConfusionMetric(new ConfusionCounts(int.MaxValue, 0, 0, 0), c => c.Accuracy, 0, 0)).ParamName);
        Assert.Equal("counts", Assert.Throws<ArgumentOutOfRangeException>(
            () => Bootstrap.ConfusionMetric(new ConfusionCounts(0, 0, 0, int.MaxValue + 1L), c => c.Accuracy, 0, 0)).ParamName);
    }
}
