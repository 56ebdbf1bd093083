using AiGovernance.Deployment.Canary;

namespace AiGovernance.Deployment.Tests.Canary;

public sealed class BusinessMetricTests
{
    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Constructor_BlankName_Throws(string name) =>
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new BusinessMetric(name, 1, 1)).ParamName);

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_NonFiniteCandidate_Throws(double candidate) =>
        Assert.Equal("candidate", Assert.Throws<ArgumentOutOfRangeException>(() => new BusinessMetric("conversion", 0.1, candidate)).ParamName);
}
