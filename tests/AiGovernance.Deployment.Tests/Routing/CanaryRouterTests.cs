using AiGovernance.Deployment.Bucketing;
using AiGovernance.Deployment.Routing;

namespace AiGovernance.Deployment.Tests.Routing;

public class CanaryRouterTests
{
    [Theory]
    [InlineData(0.05)]
    [InlineData(0.25)]
    [InlineData(0.5)]
    public void Route_SplitOver100000Ids_IsWithinFourStandardErrors(double fraction)
    {
        var router = new CanaryRouter("split-test", fraction);
        const int n = 100_000;
        var candidates = 0;
        for (var i = 0; i < n; i++)
        {
            if (router.Route("id-" + i) == DeploymentVariant.Candidate)
            {
                candidates++;
            }
        }

        var standardError = Math.Sqrt(fraction * (1 - fraction) / n);
        Assert.InRange((double)candidates / n, fraction - (4 * standardError), fraction + (4 * standardError));
    }

    [Fact]
    public void Route_AgreesWithStableBucketing()
    {
        var router = new CanaryRouter("agree", 0.3);
        for (var i = 0; i < 1000; i++)
        {
            var id = "u" + i;
            var expected = StableBucketing.Fraction(id, "agree") < 0.3 ? DeploymentVariant.Candidate : DeploymentVariant.Baseline;
            Assert.Equal(expected, router.Route(id));
        }
    }

    [Fact]
    public void Route_ZeroAndFullTraffic()
    {
        var router = new CanaryRouter("edges");
        Assert.Equal(DeploymentVariant.Baseline, router.Route("anyone"));
        router.TrafficFraction = 1.0;
        Assert.Equal(DeploymentVariant.Candidate, router.Route("anyone"));
    }

    [Fact]
    public void TrafficFraction_OutOfRange_NamesArgument()
    {
        Assert.Equal("trafficFraction", Assert.Throws<ArgumentOutOfRangeException>(() => new CanaryRouter("s", -0.1)).ParamName);
        var router = new CanaryRouter("s");
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => router.TrafficFraction = 1.01).ParamName);
    }

    [Fact]
    public async Task Route_WhileTheFractionRises_NeverMovesAUnitBackToBaseline()
    {
        var router = new CanaryRouter("concurrent", 0.0);
        var writer = Task.Run(() =>
        {
            for (var step = 0; step <= 100; step++)
            {
                router.TrafficFraction = step / 100.0;
                Thread.SpinWait(2000);
            }
        }, TestContext.Current.CancellationToken);

        var seenCandidate = new bool[200];
        while (!writer.IsCompleted)
        {
            for (var i = 0; i < seenCandidate.Length; i++)
            {
                var isCandidate = router.Route("unit-" + i) == DeploymentVariant.Candidate;
                Assert.False(seenCandidate[i] && !isCandidate, "a unit went back to baseline while the fraction only rose");
                seenCandidate[i] |= isCandidate;
            }
        }

        await writer;
    }
}
