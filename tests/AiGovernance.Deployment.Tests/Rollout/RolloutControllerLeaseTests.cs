using AiGovernance.Core.Audit;
using AiGovernance.Deployment.Recording;
using AiGovernance.Deployment.Rollout;
using AiGovernance.Deployment.Routing;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Deployment.Tests.Rollout;

/// <summary>The controller with a shared <see cref="IRolloutStateStore"/>: persistence before acting, resumption after a
/// restart, and the lease that keeps two controllers from both acting.</summary>
public class RolloutControllerLeaseTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class CountingTarget(IRolloutStateStore store, string rollout) : IDeploymentTarget
    {
        public List<double> Traffic { get; } = [];

        public int Rollbacks;

        /// <summary>The stored state at the moment the target was told to act.</summary>
        public List<RolloutStateRecord?> StoredWhenActing { get; } = [];

        public bool FailTraffic { get; set; }

        public async ValueTask SetTrafficAsync(double candidateFraction, CancellationToken cancellationToken)
        {
            StoredWhenActing.Add(await store.GetAsync(rollout, cancellationToken));
            if (FailTraffic)
            {
                throw new InvalidOperationException("load balancer unavailable");
            }

            lock (Traffic)
            {
                Traffic.Add(candidateFraction);
            }
        }

        public async ValueTask RollBackAsync(string reason, CancellationToken cancellationToken)
        {
            StoredWhenActing.Add(await store.GetAsync(rollout, cancellationToken));
            Interlocked.Increment(ref Rollbacks);
        }
    }

    private sealed class Replica
    {
        public Replica(IRolloutStateStore store, FakeTimeProvider time, string id)
        {
            Target = new CountingTarget(store, "fraud-v2");
            var plan = RolloutPlan.Create("fraud-v2", [.. RolloutPlan.DefaultFractions.Select(f => new RolloutStage(f, TimeSpan.FromHours(1), 1000))]);
            Controller = new RolloutController(plan, Target, Recorder, new InMemoryAuditLog(time), time,
                stateStore: store, instanceId: id, leaseDuration: Lease);
        }

        public CountingTarget Target { get; }

        public CanaryRecorder Recorder { get; } = new();

        public RolloutController Controller { get; }

        public void FeedHealthy(double fraction)
        {
            var candidate = (int)Math.Round(40_000 * fraction);
            for (var i = 0; i < 40_000 - candidate; i++)
            {
                Recorder.Record(DeploymentVariant.Baseline, TimeSpan.FromMilliseconds(40 + (i % 7)), i < 0.01 * (40_000 - candidate));
            }

            for (var i = 0; i < candidate; i++)
            {
                Recorder.Record(DeploymentVariant.Candidate, TimeSpan.FromMilliseconds(40 + (i % 7)), i < 0.01 * candidate);
            }
        }
    }

    [Fact]
    public async Task Transition_IsStoredBeforeTheTargetActs()
    {
        var store = new InMemoryRolloutStateStore();
        var a = new Replica(store, new FakeTimeProvider(DateTimeOffset.UnixEpoch), "a");

        await a.Controller.StartCanaryAsync("shadow passed", Ct);
        await a.Controller.RollBackAsync("error spike", Ct);

        Assert.Equal((RolloutState.Canary, 0.05), (a.Target.StoredWhenActing[0]!.State, a.Target.StoredWhenActing[0]!.TrafficFraction));
        Assert.Equal(RolloutState.RolledBack, a.Target.StoredWhenActing[1]!.State);
        Assert.Equal(RolloutState.RolledBack, (await store.GetAsync("fraud-v2", Ct))!.State);
    }

    [Fact]
    public async Task RestartedController_AfterRollback_ReportsRolledBack_AndNeverPromotes()
    {
        var store = new InMemoryRolloutStateStore();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var first = new Replica(store, time, "pod-1");
        await first.Controller.StartCanaryAsync("shadow passed", Ct);
        await first.Controller.RollBackAsync("error spike", Ct);

        time.Advance(Lease);   // the first process died without releasing its lease
        var restarted = new Replica(store, time, "pod-1-restarted");
        var status = await restarted.Controller.EvaluateAsync(Ct);
        restarted.FeedHealthy(0.05);
        time.Advance(TimeSpan.FromHours(2));
        var afterHealthyTraffic = await restarted.Controller.EvaluateAsync(Ct);
        var start = await restarted.Controller.StartCanaryAsync("try again", Ct);

        Assert.Equal(RolloutState.RolledBack, status.State);
        Assert.Equal(RolloutState.RolledBack, afterHealthyTraffic.State);
        Assert.Equal(RolloutState.RolledBack, start.State);
        Assert.Empty(restarted.Target.Traffic);
        Assert.Equal(1, restarted.Target.Rollbacks);   // the stored rollback is re-applied once, on taking the lease
    }

    [Fact]
    public async Task RestartedController_InCanary_ResumesAtTheStoredStage()
    {
        var store = new InMemoryRolloutStateStore();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var first = new Replica(store, time, "pod-1");
        await first.Controller.StartCanaryAsync("shadow passed", Ct);
        first.FeedHealthy(0.05);
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0.25, (await first.Controller.EvaluateAsync(Ct)).TrafficFraction);

        var restarted = new Replica(store, time, "pod-1");   // a stable instance id takes its lease back at once
        var status = await restarted.Controller.EvaluateAsync(Ct);

        Assert.Equal((RolloutState.Canary, 1, 0.25), (status.State, status.StageIndex, status.TrafficFraction));
        Assert.Equal([0.25], restarted.Target.Traffic);
    }

    [Fact]
    public async Task TwoControllers_ForOneRollout_ExactlyOneActs()
    {
        var store = new InMemoryRolloutStateStore();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var a = new Replica(store, time, "a");
        var b = new Replica(store, time, "b");

        var results = await Task.WhenAll(
            a.Controller.StartCanaryAsync("go", Ct).AsTask(), b.Controller.StartCanaryAsync("go", Ct).AsTask());
        await a.Controller.RollBackAsync("manual", Ct);
        await b.Controller.RollBackAsync("manual", Ct);

        Assert.Equal(1, a.Target.Traffic.Count + b.Target.Traffic.Count);
        Assert.Equal(1, a.Target.Rollbacks + b.Target.Rollbacks);
        Assert.True(a.Controller.HoldsLease ^ b.Controller.HoldsLease);
        var standby = a.Controller.HoldsLease ? b.Controller : a.Controller;
        Assert.StartsWith("Standby:", standby.Status.Reason, StringComparison.Ordinal);
        Assert.Equal(RolloutState.RolledBack, standby.Status.State);
        Assert.All(results, r => Assert.Equal(0.05, r.TrafficFraction));
    }

    [Fact]
    public async Task Lease_MovesWhenItsHolderStopsRenewing()
    {
        var store = new InMemoryRolloutStateStore();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var a = new Replica(store, time, "a");
        var b = new Replica(store, time, "b");
        await a.Controller.StartCanaryAsync("go", Ct);

        time.Advance(Lease - TimeSpan.FromSeconds(1));
        await b.Controller.EvaluateAsync(Ct);
        var heldByAJustBeforeExpiry = !b.Controller.HoldsLease;
        time.Advance(TimeSpan.FromSeconds(1));
        var status = await b.Controller.EvaluateAsync(Ct);
        var aAfterTakeover = await a.Controller.PauseAsync("operator", Ct);

        Assert.True(heldByAJustBeforeExpiry);
        Assert.True(b.Controller.HoldsLease);
        Assert.Equal((RolloutState.Canary, 0.05), (status.State, status.TrafficFraction));
        Assert.Equal([0.05], b.Target.Traffic);   // the successor re-applies the stored stage
        Assert.False(a.Controller.HoldsLease);
        Assert.Equal(RolloutState.Canary, aAfterTakeover.State);   // the old holder's pause did not happen
        Assert.Equal(RolloutState.Canary, (await store.GetAsync("fraud-v2", Ct))!.State);
    }

    [Fact]
    public async Task ReleasedLease_IsTakenAtOnce()
    {
        var store = new InMemoryRolloutStateStore();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var a = new Replica(store, time, "a");
        var b = new Replica(store, time, "b");
        await a.Controller.StartCanaryAsync("go", Ct);

        await a.Controller.ReleaseLeaseAsync(Ct);
        await b.Controller.PauseAsync("operator", Ct);

        Assert.True(b.Controller.HoldsLease);
        Assert.Equal(RolloutState.Paused, (await store.GetAsync("fraud-v2", Ct))!.State);
    }

    [Fact]
    public async Task FailedTrafficChange_LeavesTheStoredStateWhereTheTrafficIs()
    {
        var store = new InMemoryRolloutStateStore();
        var a = new Replica(store, new FakeTimeProvider(DateTimeOffset.UnixEpoch), "a");
        a.Target.FailTraffic = true;

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await a.Controller.StartCanaryAsync("go", Ct));

        var stored = await store.GetAsync("fraud-v2", Ct);
        Assert.Equal((RolloutState.Shadow, 0.0), (stored!.State, stored.TrafficFraction));
        Assert.Equal(RolloutState.Shadow, a.Controller.Status.State);
    }
}
