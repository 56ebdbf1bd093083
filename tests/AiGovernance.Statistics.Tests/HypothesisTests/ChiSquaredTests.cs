using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiGovernance.Statistics.Tests.HypothesisTests;

public class ChiSquaredTests
{
    [Fact]
    public void Contingency_MatchesScipy()
    {
        foreach (var c in Stats1Data.Section("chi2_contingency").EnumerateArray())
        {
            var rows = c.GetProperty("table").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetInt64()).ToArray()).ToArray();
            var table = new long[rows.Length, rows[0].Length];
            for (var r = 0; r < rows.Length; r++)
            {
                for (var k = 0; k < rows[0].Length; k++)
                {
                    table[r, k] = rows[r][k];
                }
            }

            var result = ChiSquared.Contingency(table, c.GetProperty("correction").GetBoolean());
            var name = c.Name();
            Reference.AssertClose(c.D("statistic"), result.Statistic, name + " statistic");
            Reference.AssertClose(c.D("p"), result.PValue, name + " p");
            Assert.Equal(c.GetProperty("dof").GetInt32(), result.DegreesOfFreedom);
            var expected = result.Expected;
            var r2 = 0;
            foreach (var row in c.GetProperty("expected").EnumerateArray())
            {
                var values = Reference.GetDoubles(row);
                for (var k = 0; k < values.Length; k++)
                {
                    Reference.AssertClose(values[k], expected[r2, k], $"{name} E[{r2},{k}]");
                    Assert.Equal(expected[r2, k], result.ExpectedAt(r2, k));
                }

                r2++;
            }
        }
    }

    [Fact]
    public void GoodnessOfFit_MatchesScipy()
    {
        foreach (var c in Stats1Data.Section("chisquare").EnumerateArray())
        {
            var observed = c.Ds("observed");
            var result = c.GetProperty("expected").ValueKind == System.Text.Json.JsonValueKind.Null
                ? ChiSquared.GoodnessOfFit(observed)
                : ChiSquared.GoodnessOfFit(observed, c.Ds("expected"));
            Reference.AssertClose(c.D("statistic"), result.Statistic, c.Name() + " statistic");
            Reference.AssertClose(c.D("p"), result.PValue, c.Name() + " p");
            Assert.Equal(observed.Length - 1, result.DegreesOfFreedom);
        }
    }

    [Fact]
    public void Contingency_HandWorkedExample()
    {
        // [[10, 20], [20, 10]]: every E = 15; without Yates χ² = 4·25/15 = 20/3; with Yates |O − E| = 4.5 → 4·20.25/15 = 5.4.
        long[,] table = { { 10, 20 }, { 20, 10 } };
        Assert.Equal(20.0 / 3, ChiSquared.Contingency(table, yatesCorrection: false).Statistic, 12);
        var yates = ChiSquared.Contingency(table);
        Assert.Equal(5.4, yates.Statistic, 12);
        Assert.Equal(1, yates.DegreesOfFreedom);
        Assert.Equal(15, yates.ExpectedAt(1, 0));
    }

    [Property]
    public Property Contingency_PValueInUnitInterval(PositiveInt a, PositiveInt b, PositiveInt c, NonNegativeInt d)
    {
        long[,] table = { { a.Get, b.Get }, { c.Get, d.Get } };
        var result = ChiSquared.Contingency(table);
        return (result.PValue >= 0 && result.PValue <= 1 && result.Statistic >= 0).ToProperty();
    }

    [Fact]
    public void BadInput_NamesTheArgument()
    {
        Assert.Equal("observed", Assert.Throws<ArgumentNullException>(() => ChiSquared.Contingency(null!)).ParamName);
        Assert.Equal("observed", Assert.Throws<ArgumentException>(() => ChiSquared.Contingency(new long[0, 2])).ParamName);
        Assert.Equal("observed", Assert.Throws<ArgumentException>(() => ChiSquared.Contingency(new long[,] { { 1, -1 }, { 2, 3 } })).ParamName);
        var zeroRow = Assert.Throws<ArgumentException>(() => ChiSquared.Contingency(new long[,] { { 0, 0 }, { 2, 3 } }));
        Assert.Equal("observed", zeroRow.ParamName);
        Assert.Contains("Row 0", zeroRow.Message, StringComparison.Ordinal);
        Assert.Contains("Column 1", Assert.Throws<ArgumentException>(() => ChiSquared.Contingency(new long[,] { { 1, 0 }, { 2, 0 } })).Message, StringComparison.Ordinal);

        var sums = Assert.Throws<ArgumentException>(() => ChiSquared.GoodnessOfFit([10.0, 20.0], [10.0, 21.0]));
        Assert.Equal("expected", sums.ParamName);
        Assert.Contains("sum", sums.Message, StringComparison.Ordinal);
        Assert.Equal("expected", Assert.Throws<ArgumentException>(() => ChiSquared.GoodnessOfFit([10.0, 20.0], [30.0, 0.0])).ParamName);
        Assert.Equal("expected", Assert.Throws<ArgumentException>(() => ChiSquared.GoodnessOfFit([10.0, 20.0], [30.0])).ParamName);
        Assert.Equal("observed", Assert.Throws<ArgumentException>(() => ChiSquared.GoodnessOfFit([-1.0, 20.0], [9.5, 9.5])).ParamName);
        Assert.Equal("observed", Assert.Throws<ArgumentException>(() => ChiSquared.GoodnessOfFit([5.0])).ParamName);
        Assert.Equal("observed", Assert.Throws<ArgumentException>(() => ChiSquared.GoodnessOfFit([0.0, 0.0])).ParamName);
        Assert.Equal("observed", Assert.Throws<ArgumentException>(() => ChiSquared.GoodnessOfFit([1.0, double.NaN], [1.0, 1.0])).ParamName);
        Assert.Equal("row", Assert.Throws<ArgumentOutOfRangeException>(() => ChiSquared.Contingency(new long[,] { { 1, 2 }, { 3, 4 } }).ExpectedAt(2, 0)).ParamName);
    }
}
