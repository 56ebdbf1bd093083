using AiGovernance.Core.Audit;
using AiGovernance.Deployment.Canary;
using AiGovernance.Deployment.Recording;
using AiGovernance.Deployment.Rollout;
using AiGovernance.Deployment.Routing;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Deployment.Yarp.Tests;

/// <summary>The rollout controller moves real traffic through a real YARP proxy: shares are measured at the client over
/// 20,000 requests from distinct units per stage.</summary>
/// <remarks>Slack: a unit's arm is decided by SHA-256, so over n = 20,000 distinct units the candidate's share is binomial
/// around the plan, with SD √(p(1−p)/n): 0.21 pp at 10 %, 0.31 pp at 25 %, 0.35 pp at 50 %. The ±1 pp tolerance is
/// therefore 4.7, 3.3 and 2.8 SD. The unit ids are fixed, so each run measures exactly the same shares (no flakiness); a
/// router that ignored the plan or the bucketing would miss by far more.</remarks>
public class YarpDeploymentTargetTests
{
    private const int Units = 20_000;
    private const double Tolerance = 0.01;
    private static readonly double[] Stages = [0.10, 0.25, 0.50, 1.0];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string[] UnitIds(string prefix) => [.. Enumerable.Range(0, Units).Select(i => $"{prefix}-{i}")];

    /// <summary>A controller steering the proxy's target and judging what the proxy recorded (<c>UseRolloutRecording</c>).</summary>
    private static (RolloutController Controller, CanaryRecorder Recorder, FakeTimeProvider Time, InMemoryAuditLog Audit) Controller(
        ProxyUnderTest proxy)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
        var audit = new InMemoryAuditLog(time);
        var recorder = proxy.Recorder;
        var target = proxy.Target;
        var plan = RolloutPlan.Create(ProxyUnderTest.Salt, [.. Stages.Select(f => new RolloutStage(f, TimeSpan.FromHours(1), 1000))]);
        // Loopback latency on a shared machine is noise, not the subject here: the latency limit is set out of the way.
        var analysis = new CanaryAnalysisOptions { MaxP95IncreaseMilliseconds = 60_000 };
        var controller = new RolloutController(plan, target, recorder, audit, time, analysis) { Design = RoutingDesign.PerUnit };
        return (controller, recorder, time, audit);
    }

    private static (long Total, long Candidate) Recorded(CanaryRecorder recorder)
    {
        var snapshot = recorder.Snapshot();
        return (snapshot.Baseline.Requests + snapshot.Candidate.Requests, snapshot.Candidate.Requests);
    }

    private static double CandidateShare(IReadOnlyDictionary<string, string> arms)
    {
        Assert.All(arms.Values, arm => Assert.True(arm is "stable" or "candidate", $"unexpected answer {arm}"));
        return arms.Values.Count(a => a == "candidate") / (double)arms.Count;
    }

    [Fact]
    public async Task StageChanges_MoveTheMeasuredShare_WithinOnePointOfThePlan_AndUnitsKeepTheirArm()
    {
        await using var proxy = await ProxyUnderTest.StartAsync();
        var (controller, recorder, time, _) = Controller(proxy);
        var units = UnitIds("user");

        var before = await proxy.SendAsync(units);
        Assert.Equal(0.0, CandidateShare(before));

        await controller.StartCanaryAsync("shadow criteria met", Ct);
        HashSet<string>? previousCandidates = null;
        var measured = new List<double>();
        foreach (var planned in Stages)
        {
            Assert.Equal(planned, controller.Status.TrafficFraction);
            var recordedBefore = Recorded(recorder);
            var arms = await proxy.SendAsync(units);
            var share = CandidateShare(arms);
            measured.Add(share);
            TestContext.Current.TestOutputHelper?.WriteLine($"plan {planned:P0}: measured {share:P2} of {arms.Count} units");
            Assert.InRange(share, planned - Tolerance, planned + Tolerance);

            // Raising the share only adds units to the candidate: every unit already there stays there.
            var candidates = arms.Where(a => a.Value == "candidate").Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
            Assert.True(previousCandidates is null || previousCandidates.IsSubsetOf(candidates));
            previousCandidates = candidates;

            // The proxy recorded every request of the stage in the arm that served it.
            var recorded = Recorded(recorder);
            Assert.Equal(Units, recorded.Total - recordedBefore.Total);
            Assert.Equal(candidates.Count, recorded.Candidate - recordedBefore.Candidate);
            if (planned < 1.0)
            {
                time.Advance(TimeSpan.FromHours(1));
                var status = await controller.EvaluateAsync(Ct);
                Assert.Equal(CanaryDecision.ProceedToFullRollout, status.LastAnalysis!.Decision);
            }
        }

        Assert.Equal(RolloutState.Completed, controller.Status.State);
        Assert.Equal(1.0, measured[^1]);
        Assert.Equal(Units * (Stages.Length + 1), proxy.StableServed + proxy.CandidateServed);
    }

    [Fact]
    public async Task Rollback_MovesTheMeasuredShareToZero_AndRetiresTheCandidate()
    {
        await using var proxy = await ProxyUnderTest.StartAsync();
        var (controller, recorder, _, audit) = Controller(proxy);
        var units = UnitIds("session");
        await controller.StartCanaryAsync("go", Ct);
        var share = CandidateShare(await proxy.SendAsync(units));
        Assert.InRange(share, Stages[0] - Tolerance, Stages[0] + Tolerance);

        var status = await controller.RollBackAsync("operator saw a bad dashboard", Ct);
        Assert.Equal(RolloutState.RolledBack, status.State);
        Assert.Equal(0.0, CandidateShare(await proxy.SendAsync(units)));
        Assert.True(proxy.Target.CandidateRetired);

        // Retired means retired: a pin to the candidate is served by the stable destination.
        var pinned = await proxy.SendAsync(UnitIds("debug").Take(200), decorate: r => r.Headers.Add(ProxyUnderTest.PinHeader, "candidate"));
        Assert.All(pinned.Values, arm => Assert.Equal("stable", arm));
        var applied = audit.Snapshot().Count(r => r.EventType == DeploymentAuditEvents.RolloutTransition);
        Assert.Equal(2, applied);
    }

    [Fact]
    public async Task PinHeader_ForcesTheCandidate_AtZeroShare_AndTheStableArm_AtFullShare()
    {
        await using var proxy = await ProxyUnderTest.StartAsync();
        var units = UnitIds("pinned").Take(500).ToArray();

        var toCandidate = await proxy.SendAsync(units, decorate: r => r.Headers.Add(ProxyUnderTest.PinHeader, "Candidate"));
        Assert.All(toCandidate.Values, arm => Assert.Equal("candidate", arm));

        await proxy.Target.SetTrafficAsync(1.0, Ct);
        var toStable = await proxy.SendAsync(units, decorate: r => r.Headers.Add(ProxyUnderTest.PinHeader, "stable"));
        Assert.All(toStable.Values, arm => Assert.Equal("stable", arm));
    }

    [Fact]
    public async Task PinCookie_ForcesTheCandidate_AndAnInvalidPinIsIgnored()
    {
        await using var proxy = await ProxyUnderTest.StartAsync();
        var units = UnitIds("cookie").Take(500).ToArray();

        var byCookie = await proxy.SendAsync(units, decorate: r => r.Headers.Add("Cookie", $"{ProxyUnderTest.PinCookie}=candidate"));
        Assert.All(byCookie.Values, arm => Assert.Equal("candidate", arm));

        var invalid = await proxy.SendAsync(units, decorate: r => r.Headers.Add(ProxyUnderTest.PinHeader, "candidate; drop table"));
        Assert.All(invalid.Values, arm => Assert.Equal("stable", arm));
    }

    [Fact]
    public async Task PinHeader_IsIgnored_WhenPinningIsNotConfigured()
    {
        await using var proxy = await ProxyUnderTest.StartAsync(o =>
        {
            o.PinHeaderName = null;
            o.PinCookieName = null;
        });
        var arms = await proxy.SendAsync(UnitIds("curious").Take(500), decorate: r => r.Headers.Add(ProxyUnderTest.PinHeader, "candidate"));
        Assert.All(arms.Values, arm => Assert.Equal("stable", arm));
    }

    [Fact]
    public async Task EveryRequestOfAUnit_GoesToTheSameArm()
    {
        await using var proxy = await ProxyUnderTest.StartAsync();
        await proxy.Target.SetTrafficAsync(0.5, Ct);
        var units = UnitIds("repeat").Take(2_000).ToArray();

        var first = await proxy.SendAsync(units);
        var second = await proxy.SendAsync(units);
        var third = await proxy.SendAsync(units);

        Assert.All(units, u => Assert.Equal((first[u], first[u]), (second[u], third[u])));
        Assert.InRange(CandidateShare(first), 0.45, 0.55);
    }
}
