namespace AiGovernance.Deployment.Yarp.Tests;

public class YarpTrafficOptionsCustomValidatorTests
{
    private static YarpTrafficOptions Valid() => new() { StableAddress = "http://stable:8080/", CandidateAddress = "https://candidate:8443/" };

    [Fact]
    public void ValidOptions_Pass()
    {
        var options = Valid();
        options.PinHeaderName = "X-Canary-Pin";
        options.PinCookieName = "canary_pin";
        Assert.True(YarpTrafficOptionsCustomValidator.Instance.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("stable:8080")]
    [InlineData("ftp://stable/")]
    [InlineData("/relative")]
    public void NonHttpStableAddress_Fails_NamingTheOption(string address)
    {
        var options = Valid();
        options.StableAddress = address;
        var result = YarpTrafficOptionsCustomValidator.Instance.Validate(null, options);
        Assert.Contains(result.Failures!, f => f.StartsWith("StableAddress", StringComparison.Ordinal));
    }

    [Fact]
    public void SameAddressForBothArms_Fails()
    {
        var options = Valid();
        options.CandidateAddress = options.StableAddress;
        Assert.Contains("must differ", YarpTrafficOptionsCustomValidator.Instance.Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X Canary")]
    [InlineData("pin:header")]
    [InlineData("pin\r\nSet-Cookie")]
    [InlineData("")]
    public void PinHeaderName_ThatIsNotAToken_Fails(string name)
    {
        var options = Valid();
        options.PinHeaderName = name;
        Assert.Contains(YarpTrafficOptionsCustomValidator.Instance.Validate(null, options).Failures!,
            f => f.StartsWith("PinHeaderName", StringComparison.Ordinal));
    }

    [Fact]
    public void TargetConstructor_RunsBothValidators_AndListsEveryBrokenRule()
    {
        var options = new YarpTrafficOptions { CandidateAddress = "nope", UnitIdCookieName = "a b" };
        var ex = Assert.Throws<ArgumentException>(() => new YarpDeploymentTarget(options));
        Assert.Equal("options", ex.ParamName);
        Assert.Contains("StableAddress", ex.Message, StringComparison.Ordinal);
        Assert.Contains("CandidateAddress must be an absolute http or https URI", ex.Message, StringComparison.Ordinal);
        Assert.Contains("UnitIdCookieName", ex.Message, StringComparison.Ordinal);
    }
}
