using AiGovernance.Deployment.Routing;
using AiGovernance.Deployment.Yarp.Routing;
using Microsoft.AspNetCore.Http;

namespace AiGovernance.Deployment.Yarp.Tests.Routing;

public class StableBucketLoadBalancingPolicyTests
{
    private static StableBucketLoadBalancingPolicy Policy(Action<YarpTrafficOptions>? configure = null)
    {
        var options = new YarpTrafficOptions { StableAddress = "http://s/", CandidateAddress = "http://c/", UnitIdCookieName = "uid" };
        configure?.Invoke(options);
        return new StableBucketLoadBalancingPolicy(options, YarpTrafficTelemetry.Create(null));
    }

    private static DefaultHttpContext Request(params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext { TraceIdentifier = "trace-1" };
        foreach (var (name, value) in headers)
        {
            context.Request.Headers.Append(name, value);
        }

        return context;
    }

    [Fact]
    public void UnitId_ComesFromTheHeader_ThenTheCookie_ThenTheRequest()
    {
        var policy = Policy();
        Assert.Equal("alice", policy.UnitIdOf(Request(("X-Unit-Id", "alice"), ("Cookie", "uid=bob"))));
        Assert.Equal("bob", policy.UnitIdOf(Request(("Cookie", "uid=bob"))));
        Assert.Equal("trace-1", policy.UnitIdOf(Request()));
    }

    [Fact]
    public void LongUnitId_IsCutToTheLimit()
    {
        var unit = new string('u', 5000);
        Assert.Equal(YarpTrafficDefaults.MaxUnitIdLength, Policy().UnitIdOf(Request(("X-Unit-Id", unit))).Length);
    }

    [Fact]
    public void Pin_IsOffUnlessConfigured()
    {
        Assert.False(Policy().TryGetPin(Request(("X-Canary-Pin", "candidate")).Request, out _));
    }

    [Theory]
    [InlineData("candidate", DeploymentVariant.Candidate)]
    [InlineData("CANDIDATE", DeploymentVariant.Candidate)]
    [InlineData("stable", DeploymentVariant.Baseline)]
    public void ValidPinValues_NameTheArm(string value, DeploymentVariant expected)
    {
        var policy = Policy(o => o.PinHeaderName = "X-Canary-Pin");
        Assert.True(policy.TryGetPin(Request(("X-Canary-Pin", value)).Request, out var arm));
        Assert.Equal(expected, arm);
    }

    [Theory]
    [InlineData("baseline")]
    [InlineData("candidate ")]
    [InlineData("1")]
    public void InvalidPinValues_AreIgnored(string value)
    {
        var policy = Policy(o => o.PinHeaderName = "X-Canary-Pin");
        Assert.False(policy.TryGetPin(Request(("X-Canary-Pin", value)).Request, out _));
    }

    [Fact]
    public void PinHeader_WinsOverPinCookie()
    {
        var policy = Policy(o =>
        {
            o.PinHeaderName = "X-Canary-Pin";
            o.PinCookieName = "pin";
        });
        Assert.True(policy.TryGetPin(Request(("X-Canary-Pin", "stable"), ("Cookie", "pin=candidate")).Request, out var arm));
        Assert.Equal(DeploymentVariant.Baseline, arm);
    }
}
