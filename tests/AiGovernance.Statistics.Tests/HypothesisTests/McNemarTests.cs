namespace AiGovernance.Statistics.Tests.HypothesisTests;

public class McNemarTests
{
    [Fact]
    public void Exact_HandComputedExample()
    {
        // b = 10, c = 2: 2·P(Bin(12, ½) ≤ 2) = 2·(1 + 12 + 66)/4096 = 158/4096.
        var result = McNemar.Exact(10, 2);
        Assert.Equal(158.0 / 4096, result.PValue, 1e-12);
        Assert.Equal(2, result.Statistic);
    }

    [Fact]
    public void Exact_MatchesStatsmodelsAndScipyBinomtest()
    {
        foreach (var c in Reference.Load("mcnemar_reference.json").GetProperty("exact").EnumerateArray())
        {
            var b = c.GetProperty("b").GetInt64();
            var d = c.GetProperty("c").GetInt64();
            var result = McNemar.Exact(b, d);
            var name = $"b = {b}, c = {d}";
            Assert.Equal(c.GetProperty("statistic").GetDouble(), result.Statistic);

            // Relative only: several p-values are far below the absolute tolerance (down to 1e-298).
            Reference.AssertClose(c.GetProperty("p").GetDouble(), result.PValue, name + " statsmodels", atol: 0);
            Reference.AssertClose(c.GetProperty("binomtest_p").GetDouble(), result.PValue, name + " binomtest", atol: 0);
        }
    }

    [Fact]
    public void Exact_IsSymmetricInTheDiscordantCounts()
    {
        Assert.Equal(McNemar.Exact(30, 12), McNemar.Exact(12, 30));
        Assert.Equal(1, McNemar.Exact(0, 0).PValue);
    }

    [Fact]
    public void Exact_CountsBeyondInt32_AreRejected()
    {
        Assert.Equal("b", Assert.Throws<ArgumentOutOfRangeException>(() => McNemar.Exact(int.MaxValue, 1)).ParamName);
        Assert.Equal("c", Assert.Throws<ArgumentOutOfRangeException>(() => McNemar.Exact(1, long.MaxValue)).ParamName);
        Assert.InRange(McNemar.Exact(int.MaxValue - 1, 1).PValue, 0, 1e-300);
    }

    [Fact]
    public void DifferenceInterval_MatchesTheWaldFormula()
    {
        foreach (var c in Reference.Load("mcnemar_reference.json").GetProperty("difference_interval").EnumerateArray())
        {
            var interval = McNemar.DifferenceInterval(
                c.GetProperty("b").GetInt64(), c.GetProperty("c").GetInt64(), c.GetProperty("n").GetInt64(), c.GetProperty("confidence_level").GetDouble());
            Reference.AssertClose(c.GetProperty("lower").GetDouble(), interval.Lower, c + " lower");
            Reference.AssertClose(c.GetProperty("upper").GetDouble(), interval.Upper, c + " upper");
        }
    }

    [Fact]
    public void BadArguments_NameTheArgument()
    {
        Assert.Equal("b", Assert.Throws<ArgumentOutOfRangeException>(() => McNemar.Exact(-1, 0)).ParamName);
        Assert.Equal("c", Assert.Throws<ArgumentOutOfRangeException>(() => McNemar.Exact(0, -1)).ParamName);
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => McNemar.DifferenceInterval(3, 2, 4)).ParamName);
        Assert.Equal("confidenceLevel", Assert.Throws<ArgumentOutOfRangeException>(() => McNemar.DifferenceInterval(3, 2, 10, 1)).ParamName);
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => McNemar.DifferenceInterval(long.MaxValue, long.MaxValue, long.MaxValue)).ParamName);
        Assert.True(double.IsFinite(McNemar.DifferenceInterval(3, 2, 10, 0.9999999999999999).Upper));
    }
}
