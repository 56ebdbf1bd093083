namespace AiGovernance.Statistics.Tests.HypothesisTests;

public class EppsSingletonTests
{
    [Fact]
    public void TwoSample_MatchesScipy_SmallLargeTiedAndRankDeficient()
    {
        var count = 0;
        foreach (var c in ShapeData.Section("epps").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString();
            var result = EppsSingleton.TwoSample(c.Ds("x"), c.Ds("y"));
            Reference.AssertClose(c.D("statistic"), result.Statistic, name + " statistic");
            Reference.AssertClose(c.D("pvalue"), result.PValue, name + " p");
            Assert.Equal(c.GetProperty("rankDeficient").GetBoolean(), result.DegreesOfFreedom < 4);
            count++;
        }

        Assert.True(count >= 10);
    }

    [Fact]
    public void TwoSample_TwoDistinctValues_HasOneDegreeOfFreedom()
    {
        var result = EppsSingleton.TwoSample([0, 0, 1, 1, 1, 0, 1], [0, 1, 1, 1, 1, 1, 0, 0]);
        Assert.Equal(1, result.DegreesOfFreedom);
    }

    [Fact]
    public void TwoSample_ZeroInterquartileRange_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => EppsSingleton.TwoSample([1, 1, 1, 1, 1], [1, 1, 1, 1, 2]));
        Assert.Contains("interquartile range is 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoSample_FewerThanFiveValues_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => EppsSingleton.TwoSample([1, 2, 3, 4, 5], [1, 2, 3, 4]));
        Assert.Equal("y", error.ParamName);
    }
}
