using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiGovernance.Statistics.Tests.Proportions;

public class ProportionTests
{
    [Fact]
    public void TwoSample_MatchesStatsmodels()
    {
        foreach (var c in Stats1Data.Section("ztest_two").EnumerateArray())
        {
            var alternative = Stats1Data.Alternative(c.GetProperty("alternative"));
            var result = ProportionZTest.TwoSample(c.GetProperty("s1").GetInt64(), c.GetProperty("n1").GetInt64(), c.GetProperty("s2").GetInt64(), c.GetProperty("n2").GetInt64(), alternative);
            var context = c.ToString();
            Reference.AssertClose(c.D("difference"), result.Difference, context + " difference");
            if (double.IsNaN(c.D("z")))
            {
                // Documented divergence: pooled rate 0 or 1, statsmodels gives NaN; the rates are equal, so z = 0, p = 1.
                Assert.Equal(new ZTestResult(0, 1, 0), result);
                continue;
            }

            Reference.AssertClose(c.D("z"), result.Z, context + " z");
            Reference.AssertClose(c.D("p"), result.PValue, context + " p");
        }
    }

    [Fact]
    public void OneSample_MatchesStatsmodels()
    {
        foreach (var c in Stats1Data.Section("ztest_one").EnumerateArray())
        {
            var alternative = Stats1Data.Alternative(c.GetProperty("alternative"));
            var result = ProportionZTest.OneSample(c.GetProperty("s").GetInt64(), c.GetProperty("n").GetInt64(), c.D("p0"), alternative);
            var context = c.ToString();
            Reference.AssertClose(c.D("difference"), result.Difference, context + " difference");
            if (double.IsNaN(c.D("z")))
            {
                Assert.Equal(new ZTestResult(0, 1, 0), result);
                continue;
            }

            Reference.AssertClose(c.D("z"), result.Z, context + " z");
            Reference.AssertClose(c.D("p"), result.PValue, context + " p");
        }
    }

    [Fact]
    public void Wilson_MatchesStatsmodels()
    {
        foreach (var c in Stats1Data.Section("wilson").EnumerateArray())
        {
            var interval = ConfidenceInterval.Wilson(c.GetProperty("s").GetInt64(), c.GetProperty("n").GetInt64(), c.D("confidence"));
            Reference.AssertClose(c.D("lower"), interval.Lower, c + " lower");
            Reference.AssertClose(c.D("upper"), interval.Upper, c + " upper");
        }
    }

    [Fact]
    public void TwoSample_HandWorkedExample()
    {
        // 45/100 vs 30/100: pooled 0.375, var = 0.375·0.625·0.02 = 0.0046875, z = 0.15/√0.0046875 = 2.19089...
        var result = ProportionZTest.TwoSample(45, 100, 30, 100);
        Assert.Equal(0.15 / Math.Sqrt(0.0046875), result.Z, 12);
        Assert.Equal(0.15, result.Difference, 12);
    }

    [Property]
    public Property Wilson_ContainsTheRate_AndStaysInUnitInterval(PositiveInt trials, NonNegativeInt successes)
    {
        var n = trials.Get;
        var s = successes.Get % (n + 1);
        var interval = ConfidenceInterval.Wilson(s, n);
        var rate = (double)s / n;
        return (interval.Lower >= 0 && interval.Upper <= 1 && interval.Contains(rate)).ToProperty();
    }

    [Property]
    public Property TwoSample_PValueInUnitInterval(PositiveInt n1, NonNegativeInt s1, PositiveInt n2, NonNegativeInt s2)
    {
        var result = ProportionZTest.TwoSample(s1.Get % (n1.Get + 1), n1.Get, s2.Get % (n2.Get + 1), n2.Get);
        return (result.PValue >= 0 && result.PValue <= 1).ToProperty();
    }

    [Fact]
    public void BadInput_NamesTheArgument()
    {
        Assert.Equal("successes1", Assert.Throws<ArgumentOutOfRangeException>(() => ProportionZTest.TwoSample(-1, 10, 1, 10)).ParamName);
        Assert.Equal("successes2", Assert.Throws<ArgumentOutOfRangeException>(() => ProportionZTest.TwoSample(1, 10, 11, 10)).ParamName);
        Assert.Equal("trials1", Assert.Throws<ArgumentOutOfRangeException>(() => ProportionZTest.TwoSample(0, 0, 1, 10)).ParamName);
        Assert.Equal("trials2", Assert.Throws<ArgumentOutOfRangeException>(() => ProportionZTest.TwoSample(0, 5, 0, -3)).ParamName);
        Assert.Equal("alternative", Assert.Throws<ArgumentOutOfRangeException>(() => ProportionZTest.TwoSample(1, 5, 1, 5, (Alternative)7)).ParamName);
        Assert.Equal("nullProportion", Assert.Throws<ArgumentOutOfRangeException>(() => ProportionZTest.OneSample(1, 5, 1.5, Alternative.TwoSided)).ParamName);
        Assert.Equal("nullProportion", Assert.Throws<ArgumentOutOfRangeException>(() => ProportionZTest.OneSample(1, 5, double.NaN, Alternative.TwoSided)).ParamName);
        Assert.Equal("successes", Assert.Throws<ArgumentOutOfRangeException>(() => ProportionZTest.OneSample(6, 5, 0.5, Alternative.TwoSided)).ParamName);
        Assert.Equal("successes", Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceInterval.Wilson(6, 5)).ParamName);
        Assert.Equal("trials", Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceInterval.Wilson(0, 0)).ParamName);
        Assert.Equal("confidenceLevel", Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceInterval.Wilson(1, 5, 0)).ParamName);
    }
}
