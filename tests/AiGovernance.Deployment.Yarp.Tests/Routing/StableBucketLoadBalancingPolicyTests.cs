using AiGovernance.Deployment.Bucketing;
using AiGovernance.Deployment.Routing;
using AiGovernance.Deployment.Yarp.Routing;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Model;

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

    private static (ClusterState Cluster, DestinationState[] Destinations) Cluster(double fraction)
    {
        var config = new ClusterConfig
        {
            ClusterId = "c",
            Metadata = new Dictionary<string, string>
            {
                [YarpTrafficDefaults.CandidateFractionMetadataKey] = fraction.ToString("R", CultureInfo.InvariantCulture),
                [YarpTrafficDefaults.SaltMetadataKey] = "fraud-model-v2",
            },
        };
        using var invoker = new HttpMessageInvoker(new SocketsHttpHandler());
        return (new ClusterState("c", new ClusterModel(config, invoker)), [new DestinationState("stable"), new DestinationState("candidate")]);
    }

    [Fact]
    public void PickDestination_FollowsStableBucketing_ForTheMetadataShareAndSalt()
    {
        var policy = Policy();
        var (cluster, destinations) = Cluster(0.3);
        foreach (var unit in Enumerable.Range(0, 200).Select(i => $"u{i}"))
        {
            var expected = StableBucketing.Fraction(unit, "fraud-model-v2") < 0.3 ? "candidate" : "stable";
            Assert.Equal(expected, policy.PickDestination(Request(("X-Unit-Id", unit)), cluster, destinations)!.DestinationId);
        }
    }

    [Fact]
    public void PickDestination_ReturnsNoDestination_WhenTheChosenArmIsUnavailable()
    {
        var (cluster, destinations) = Cluster(1.0);
        Assert.Null(Policy().PickDestination(Request(("X-Unit-Id", "u1")), cluster, [destinations[0]]));
    }

    [Fact]
    public void PickDestination_AllocatesNothing_PerRequest()
    {
        var policy = Policy(o => o.PinHeaderName = "X-Canary-Pin");
        var (cluster, destinations) = Cluster(0.5);
        var context = Request(("X-Unit-Id", "customer-42"));
        policy.PickDestination(context, cluster, destinations); // warm-up: parses the metadata once per configuration
        var allocated = Allocations.OfSteadyStatePass(() =>
        {
            for (var i = 0; i < 1_000; i++)
            {
                policy.PickDestination(context, cluster, destinations);
            }
        });

        Assert.Equal(0, allocated);
    }
}
