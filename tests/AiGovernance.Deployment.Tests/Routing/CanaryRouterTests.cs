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
    public void Assign_AgreesWithRouteAndTheLowTwelveBitsOfTheHash()
    {
        var router = new CanaryRouter("agree", 0.3);
        for (var i = 0; i < 1000; i++)
        {
            var id = "u" + i;
            var assignment = router.Assign(id);
            Assert.Equal(router.Route(id), assignment.Variant);
            Assert.Equal((int)(StableBucketing.Hash64(id, "agree") % 4096), assignment.SubBucket);
            Assert.Equal(StableBucketing.SubBucket(id, "agree"), assignment.SubBucket);
        }
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.5)]
    public void Assign_SpreadsEachArmEvenlyOverTheSubBuckets(double fraction)
    {
        // 400,000 units: each arm's units per sub-bucket are Poisson-like around their mean; a χ² over 4,096 cells with
        // 4,095 degrees of freedom stays within ±5 standard deviations (√(2·4095) ≈ 90.5) of its mean.
        var router = new CanaryRouter("spread", fraction) { RecentUnitCacheSize = 0 };
        var counts = new long[2, StableBucketing.SubBucketCount];
        long candidates = 0;
        const int n = 400_000;
        for (var i = 0; i < n; i++)
        {
            var a = router.Assign("unit-" + i);
            counts[(int)a.Variant, a.SubBucket]++;
            candidates += (int)a.Variant;
        }

        foreach (var (arm, total) in new[] { (0, n - candidates), (1, candidates) })
        {
            var expected = (double)total / StableBucketing.SubBucketCount;
            double chi2 = 0;
            for (var k = 0; k < StableBucketing.SubBucketCount; k++)
            {
                chi2 += (counts[arm, k] - expected) * (counts[arm, k] - expected) / expected;
            }

            Assert.InRange(chi2, 4095 - (5 * 90.5), 4095 + (5 * 90.5));
        }
    }

    [Fact]
    public void RecentUnitCache_ReturnsTheSameAssignments()
    {
        var cached = new CanaryRouter("cache", 0.4) { RecentUnitCacheSize = 64 };
        var uncached = new CanaryRouter("cache", 0.4) { RecentUnitCacheSize = 0 };
        Assert.Equal(64, cached.RecentUnitCacheSize);
        Assert.Equal(0, uncached.RecentUnitCacheSize);
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 500; i++)
            {
                var id = "c" + (i % 97);
                Assert.Equal(uncached.Assign(id), cached.Assign(id));
                Assert.Equal(uncached.Route(id), cached.Route(id));
            }
        }
    }

    [Fact]
    public async Task RecentUnitCache_UnderConcurrentUse_NeverReturnsAnotherUnitsHash()
    {
        var router = new CanaryRouter("race", 0.5) { RecentUnitCacheSize = 8 };
        var ids = Enumerable.Range(0, 64).Select(i => "unit-" + i).ToArray();
        var expected = ids.Select(id => new CanaryAssignment(
            StableBucketing.Fraction(id, "race") < 0.5 ? DeploymentVariant.Candidate : DeploymentVariant.Baseline,
            StableBucketing.SubBucket(id, "race"))).ToArray();
        var ct = TestContext.Current.CancellationToken;
        var tasks = Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 50_000; i++)
            {
                var k = ((i * 7) + t) % ids.Length;
                Assert.Equal(expected[k], router.Assign(ids[k]));
            }
        }, ct)).ToArray();
        await Task.WhenAll(tasks);
    }

    [Fact]
    public void Design_DefaultsToPerUnit_AndRejectsUndefinedValues()
    {
        Assert.Equal(RoutingDesign.PerUnit, new CanaryRouter("d").Design);
        Assert.Equal(RoutingDesign.PerRequest, new CanaryRouter("d") { Design = RoutingDesign.PerRequest }.Design);
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => new CanaryRouter("d") { Design = (RoutingDesign)5 }).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => new CanaryRouter("d") { RecentUnitCacheSize = -1 }).ParamName);
    }

    [Fact]
    public void Assign_AllocatesNothing()
    {
        var router = new CanaryRouter("alloc", 0.2);
        var ids = Enumerable.Range(0, 2048).Select(i => "customer-" + i).ToArray();
        var allocated = Allocations.OfSteadyStatePass(() =>
        {
            for (var i = 0; i < 100_000; i++)
            {
                router.Assign(ids[i & 2047]);
            }
        });

        Assert.Equal(0, allocated);
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
