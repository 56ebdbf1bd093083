using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiGovernance.Statistics.Tests.Trends;

public class LinearTrendTests
{
    [Fact]
    public void Fit_MatchesScipyLinregress()
    {
        foreach (var c in Stats1Data.Section("linregress").EnumerateArray())
        {
            var y = c.Ds("y");
            var result = c.GetProperty("x").ValueKind == System.Text.Json.JsonValueKind.Null
                ? LinearTrend.Fit(y)
                : LinearTrend.Fit(c.Ds("x"), y);
            var name = c.Name();
            Assert.Equal(y.Length, result.Count);
            Reference.AssertClose(c.D("slope"), result.Slope, name + " slope");
            Reference.AssertClose(c.D("intercept"), result.Intercept, name + " intercept");
            Reference.AssertClose(c.D("r"), result.R, name + " r");
            Reference.AssertClose(c.D("p"), result.PValue, name + " p");
            Reference.AssertClose(c.D("stderr"), result.StandardError, name + " stderr");
            Reference.AssertClose(c.D("intercept_stderr"), result.InterceptStandardError, name + " intercept stderr");
        }
    }

    [Fact]
    public void Fit_HandWorkedExample()
    {
        // y = 1 + 2x exactly on x = 0..3 (n = 4): slope 2, intercept 1, r = 1, standard errors 0.
        var result = LinearTrend.Fit([1, 3, 5, 7]);
        Assert.Equal(2, result.Slope, 12);
        Assert.Equal(1, result.Intercept, 12);
        Assert.Equal(1, result.R, 12);
        Assert.Equal(0, result.StandardError, 12);
        Assert.Equal(11, result.Predict(5), 12);
        Assert.True(result.PValue < 1e-15);
    }

    [Fact]
    public void Fit_LongSeries_UsesPooledIndex()
    {
        var y = new double[1000];
        for (var i = 0; i < y.Length; i++)
        {
            y[i] = 5 - (0.5 * i) + ((i % 3) - 1);
        }

        var explicitX = Enumerable.Range(0, y.Length).Select(i => (double)i).ToArray();
        Assert.Equal(LinearTrend.Fit(explicitX, y), LinearTrend.Fit(y));
    }

    [Fact]
    public void Fit_LongSeries_AfterWarmUp_AllocatesNothing()
    {
        // Beyond 256 values the index 0, 1, … n−1 lives in a buffer rented from the shared pool; it must go back, or
        // every fit allocates a fresh 8 KB array.
        var y = new double[1000];
        for (var i = 0; i < y.Length; i++)
        {
            y[i] = 5 - (0.5 * i) + ((i % 3) - 1);
        }

        var allocated = Allocations.OfSteadyStatePass(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                LinearTrend.Fit(y);
            }
        });

        Assert.Equal(0, allocated);
    }

    [Property]
    public Property PValue_InUnitInterval_AndRBounded(NonEmptyArray<NormalFloat> values)
    {
        var y = Array.ConvertAll(values.Get, v => v.Get);
        if (y.Length < 2)
        {
            return true.ToProperty();
        }

        var result = LinearTrend.Fit(y);
        return (result.PValue >= 0 && result.PValue <= 1 && result.R >= -1 && result.R <= 1).ToProperty();
    }

    [Fact]
    public void BadInput_NamesTheArgument()
    {
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => LinearTrend.Fit([2.0, 2.0, 2.0], [1.0, 2.0, 3.0])).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => LinearTrend.Fit([1.0, 2.0], [1.0, 2.0, 3.0])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => LinearTrend.Fit([1.0], [1.0])).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => LinearTrend.Fit([1.0])).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => LinearTrend.Fit([])).ParamName);
        var nan = Assert.Throws<ArgumentException>(() => LinearTrend.Fit([1.0, 2.0, 3.0], [1.0, double.NaN, 3.0]));
        Assert.Equal("y", nan.ParamName);
        Assert.Contains("index 1", nan.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadX_IsRefusedNamingXAndTheIndex()
    {
        // The doc: a NaN or infinite value (in x as in y) and an empty x are refused with ArgumentException named x.
        var nan = Assert.Throws<ArgumentException>(() => LinearTrend.Fit([1.0, double.NaN, 3.0], [1.0, 2.0, 3.0]));
        Assert.Equal("x", nan.ParamName);
        Assert.Contains("index 1", nan.Message, StringComparison.Ordinal);
        var infinite = Assert.Throws<ArgumentException>(() => LinearTrend.Fit([1.0, 2.0, double.PositiveInfinity], [1.0, 2.0, 3.0]));
        Assert.Equal("x", infinite.ParamName);
        Assert.Contains("index 2", infinite.Message, StringComparison.Ordinal);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => LinearTrend.Fit(ReadOnlySpan<double>.Empty, [1.0, 2.0])).ParamName);
    }
}
