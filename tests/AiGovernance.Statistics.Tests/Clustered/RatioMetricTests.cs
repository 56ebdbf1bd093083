namespace AiGovernance.Statistics.Tests.Clustered;

public class RatioMetricTests
{
    [Fact]
    public void Estimate_MatchesTheDengKnoblichLuFormulaInNumpy()
    {
        var checkedCases = 0;
        foreach (var c in ClusteredReference.Section("ratio"))
        {
            var name = c.GetProperty("name").GetString();
            var estimate = RatioMetric.Estimate(c.Doubles("x"), c.Doubles("y"));
            Reference.AssertClose(c.D("ratio"), estimate.Ratio, name + " ratio");
            Reference.AssertClose(c.D("variance"), estimate.Variance, name + " variance", atol: 0);
            Assert.Equal(c.Doubles("x").Length, estimate.Clusters);
            checkedCases++;
        }

        Assert.Equal(4, checkedCases);
    }

    [Theory]
    [InlineData(Alternative.TwoSided, "p_two_sided")]
    [InlineData(Alternative.Greater, "p_greater")]
    [InlineData(Alternative.Less, "p_less")]
    public void TwoSample_MatchesNumpyAndScipyNormal(Alternative alternative, string pName)
    {
        foreach (var c in ClusteredReference.Section("ratio_two_sample"))
        {
            var name = c.GetProperty("name").GetString();
            var result = RatioMetric.TwoSample(c.Doubles("x1"), c.Doubles("y1"), c.Doubles("x2"), c.Doubles("y2"), alternative);
            Reference.AssertClose(c.D("difference"), result.Difference, name + " difference");
            Reference.AssertClose(c.D("variance"), result.Variance, name + " variance", atol: 0);
            Reference.AssertClose(c.D("z"), result.Z, name + " z");
            Reference.AssertClose(c.D(pName), result.PValue, name + " " + pName);
        }
    }

    [Fact]
    public void Estimate_WithIndependentRequests_IsCloseToTheBinomialVariance()
    {
        // One request per cluster: the delta method reduces to n/(n − 1)·R(1 − R)/n.
        var x = new double[1000];
        var y = new double[1000];
        Array.Fill(y, 1.0);
        x.AsSpan(0, 30).Fill(1.0);
        var estimate = RatioMetric.Estimate(x, y);
        Assert.Equal(0.03, estimate.Ratio, 15);
        Assert.Equal(1000.0 / 999.0 * 0.03 * 0.97 / 1000, estimate.Variance, 15);
    }

    [Fact]
    public void Estimate_ClusteredErrors_HaveAFarLargerVarianceThanTheBinomial()
    {
        // 1,000 customers with 10 requests each; 10 of them fail every request: R = 1%, but the evidence is 10 customers.
        var x = new double[1000];
        var y = new double[1000];
        Array.Fill(y, 10.0);
        x.AsSpan(0, 10).Fill(10.0);
        var estimate = RatioMetric.Estimate(x, y);
        var binomial = 0.01 * 0.99 / 10_000;
        Assert.Equal(0.01, estimate.Ratio, 15);
        Assert.InRange(estimate.Variance / binomial, 9.9, 10.1);
    }

    [Fact]
    public void TwoSample_NoErrorsAnywhere_IsNoEvidence()
    {
        var zeros = new double[10];
        var requests = Enumerable.Repeat(5.0, 10).ToArray();
        var result = RatioMetric.TwoSample(zeros, requests, zeros, requests);
        Assert.Equal(0, result.Z);
        Assert.Equal(1, result.PValue);
    }

    [Fact]
    public void Guards_NameTheArgument()
    {
        Assert.Equal("denominators", Assert.Throws<ArgumentException>(() => RatioMetric.Estimate([1, 2], [1])).ParamName);
        Assert.Equal("numerators", Assert.Throws<ArgumentException>(() => RatioMetric.Estimate([1], [1])).ParamName);
        Assert.Equal("denominators", Assert.Throws<ArgumentException>(() => RatioMetric.Estimate([1, 2], [0, 0])).ParamName);
        var nan = Assert.Throws<ArgumentException>(() => RatioMetric.Estimate([1, double.NaN], [1, 1]));
        Assert.Contains("index 1", nan.Message, StringComparison.Ordinal);
        var alternative = Assert.Throws<ArgumentOutOfRangeException>(() => RatioMetric.TwoSample([1, 2], [3, 4], [1, 2], [3, 4], (Alternative)9));
        Assert.Equal("alternative", alternative.ParamName);
        var negative = new RatioMetricEstimate(0.1, -1, 2);
        var valid = new RatioMetricEstimate(0.1, 0, 2);
        Assert.Equal("first", Assert.Throws<ArgumentOutOfRangeException>(() => RatioMetric.Compare(negative, valid)).ParamName);
    }
}
