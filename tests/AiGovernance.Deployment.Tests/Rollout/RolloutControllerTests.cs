using AiGovernance.Core.Audit;
using AiGovernance.Deployment.Canary;
using AiGovernance.Deployment.Recording;
using AiGovernance.Deployment.Rollout;
using AiGovernance.Deployment.Routing;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Deployment.Tests.Rollout;

public class RolloutControllerTests
{
    private sealed class RecordingTarget : IDeploymentTarget
    {
        public List<double> Traffic { get; } = [];

        public int Rollbacks;

        public ValueTask SetTrafficAsync(double candidateFraction, CancellationToken cancellationToken)
        {
            lock (Traffic)
            {
                Traffic.Add(candidateFraction);
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask RollBackAsync(string reason, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Rollbacks);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class FixedCheck(RolloutCheckOutcome outcome) : IRolloutCheck
    {
        public string Name => "fairness";

        public int Calls;

        public ValueTask<RolloutCheckResult> EvaluateAsync(RolloutCheckContext context, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            return ValueTask.FromResult(new RolloutCheckResult(outcome, "demographic parity ratio 0.71"));
        }
    }

    private sealed class Fixture
    {
        public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        public RecordingTarget Target { get; } = new();
        public CanaryRecorder Recorder { get; } = new();
        public InMemoryAuditLog Audit { get; }
        public RolloutController Controller { get; }

        public Fixture(params IRolloutCheck[] checks)
        {
            Audit = new InMemoryAuditLog(Time);
            var plan = RolloutPlan.Create("fraud-v2", [.. RolloutPlan.DefaultFractions.Select(f => new RolloutStage(f, TimeSpan.FromHours(1), 1000))]);
            Controller = new RolloutController(plan, Target, Recorder, Audit, Time, checks: checks);
        }

        /// <summary>Records traffic split exactly as planned, with the given error rates.</summary>
        public void Feed(double fraction, int total, double baselineErrorRate, double candidateErrorRate, double candidateMs = 40)
        {
            var candidate = (int)Math.Round(total * fraction);
            for (var i = 0; i < total - candidate; i++)
            {
                Recorder.Record(DeploymentVariant.Baseline, TimeSpan.FromMilliseconds(40 + (i % 7)), i < baselineErrorRate * (total - candidate));
            }

            for (var i = 0; i < candidate; i++)
            {
                Recorder.Record(DeploymentVariant.Candidate, TimeSpan.FromMilliseconds(candidateMs + (i % 7)), i < candidateErrorRate * candidate);
            }
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HealthyRollout_WalksEveryStageToCompletion_AndAuditsEachTransition()
    {
        var f = new Fixture();
        Assert.Equal(RolloutState.Shadow, f.Controller.Status.State);
        Assert.Equal(RolloutState.Shadow, (await f.Controller.EvaluateAsync(Ct)).State);

        var status = await f.Controller.StartCanaryAsync("shadow criteria met", Ct);
        Assert.Equal((RolloutState.Canary, 0, 0.05), (status.State, status.StageIndex, status.TrafficFraction));

        foreach (var (fraction, next) in new[] { (0.05, 0.25), (0.25, 0.5), (0.5, 1.0) })
        {
            f.Feed(fraction, 40_000, 0.01, 0.01);
            status = await f.Controller.EvaluateAsync(Ct);
            Assert.Equal(fraction, status.TrafficFraction);
            Assert.Contains("minimum", status.Reason, StringComparison.Ordinal);

            f.Time.Advance(TimeSpan.FromHours(1));
            status = await f.Controller.EvaluateAsync(Ct);
            Assert.Equal(next, status.TrafficFraction);
            Assert.Equal(CanaryDecision.ProceedToFullRollout, status.LastAnalysis!.Decision);
        }

        Assert.Equal(RolloutState.Completed, status.State);
        Assert.Equal([0.05, 0.25, 0.5, 1.0], f.Target.Traffic);
        var records = f.Audit.Snapshot();
        Assert.Equal(4, records.Count);
        Assert.All(records, r => Assert.Equal("deployment.rollout.transition", r.EventType));
        Assert.Equal("Completed", records[^1].Payload!.Value.GetProperty("to").GetString());
        Assert.Equal(1.0, records[^1].Payload!.Value.GetProperty("trafficFraction").GetDouble());
        Assert.True((await f.Audit.VerifyAsync(Ct)).IsValid);
    }

    [Fact]
    public async Task ErrorRateSpike_RollsBackAutomatically_Once()
    {
        var f = new Fixture();
        await f.Controller.StartCanaryAsync("go", Ct);
        f.Feed(0.05, 40_000, 0.01, 0.05);

        var status = await f.Controller.EvaluateAsync(Ct);
        Assert.Equal(RolloutState.RolledBack, status.State);
        Assert.Equal(0.0, status.TrafficFraction);
        Assert.StartsWith("Automatic rollback. RollbackImmediately: Error rate", status.Reason, StringComparison.Ordinal);
        Assert.Equal(1, f.Target.Rollbacks);

        // Idempotent: further evaluations and manual rollbacks change nothing and audit nothing.
        await f.Controller.EvaluateAsync(Ct);
        await f.Controller.RollBackAsync("again", Ct);
        await f.Controller.StartCanaryAsync("again", Ct);
        Assert.Equal(1, f.Target.Rollbacks);
        Assert.Equal(2, f.Audit.Snapshot().Count);
        Assert.Equal("RolledBack", f.Audit.Snapshot()[^1].Payload!.Value.GetProperty("to").GetString());
    }

    [Fact]
    public async Task LatencyRegression_RollsBack()
    {
        var f = new Fixture();
        await f.Controller.StartCanaryAsync("go", Ct);
        f.Feed(0.05, 40_000, 0.01, 0.01, candidateMs: 120);
        Assert.Equal(RolloutState.RolledBack, (await f.Controller.EvaluateAsync(Ct)).State);
    }

    [Fact]
    public async Task Pause_StopsEvaluation_ResumeContinues()
    {
        var f = new Fixture();
        await f.Controller.StartCanaryAsync("go", Ct);
        Assert.Equal(RolloutState.Paused, (await f.Controller.PauseAsync("incident review", Ct)).State);
        f.Feed(0.05, 40_000, 0.01, 0.05);
        var paused = await f.Controller.EvaluateAsync(Ct);
        Assert.Equal(RolloutState.Paused, paused.State);
        Assert.Equal(0, f.Target.Rollbacks);
        Assert.Equal(RolloutState.Paused, (await f.Controller.PauseAsync("twice", Ct)).State);

        Assert.Equal(RolloutState.Canary, (await f.Controller.ResumeAsync("review done", Ct)).State);
        Assert.Equal(RolloutState.RolledBack, (await f.Controller.EvaluateAsync(Ct)).State);
        Assert.Equal(["Canary", "Paused", "Canary", "RolledBack"], f.Audit.Snapshot().Select(r => r.Payload!.Value.GetProperty("to").GetString()));
    }

    [Fact]
    public async Task ConcurrentEvaluations_AdvanceExactlyOneStage()
    {
        var f = new Fixture();
        await f.Controller.StartCanaryAsync("go", Ct);
        f.Feed(0.05, 40_000, 0.01, 0.01);
        f.Time.Advance(TimeSpan.FromHours(1));

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () => await f.Controller.EvaluateAsync(Ct), Ct)));

        Assert.Equal(1, f.Controller.Status.StageIndex);
        Assert.Equal([0.05, 0.25], f.Target.Traffic);
        Assert.Equal(2, f.Audit.Snapshot().Count);
        Assert.All(results, r => Assert.Equal(RolloutState.Canary, r.State));
    }

    [Fact]
    public async Task GateHold_KeepsTheStage_GateRollback_RollsBack()
    {
        var holding = new FixedCheck(RolloutCheckOutcome.Hold);
        var f = new Fixture(holding);
        await f.Controller.StartCanaryAsync("go", Ct);
        f.Feed(0.05, 40_000, 0.01, 0.01);
        f.Time.Advance(TimeSpan.FromHours(1));
        var status = await f.Controller.EvaluateAsync(Ct);
        Assert.Equal(0, status.StageIndex);
        Assert.Equal("Check fairness holds: demographic parity ratio 0.71", status.Reason);

        var failing = new Fixture(new FixedCheck(RolloutCheckOutcome.RollBack));
        await failing.Controller.StartCanaryAsync("go", Ct);
        failing.Feed(0.05, 40_000, 0.01, 0.01);
        failing.Time.Advance(TimeSpan.FromHours(1));
        status = await failing.Controller.EvaluateAsync(Ct);
        Assert.Equal(RolloutState.RolledBack, status.State);
        Assert.Equal("Automatic rollback by check fairness: demographic parity ratio 0.71", status.Reason);
    }

    [Fact]
    public async Task InsufficientData_Holds()
    {
        var f = new Fixture();
        await f.Controller.StartCanaryAsync("go", Ct);
        f.Feed(0.05, 4000, 0.01, 0.01);
        f.Time.Advance(TimeSpan.FromHours(2));
        var status = await f.Controller.EvaluateAsync(Ct);
        Assert.Equal((RolloutState.Canary, 0), (status.State, status.StageIndex));
        Assert.Equal(CanaryDecision.Hold, status.LastAnalysis!.Decision);
    }

    [Fact]
    public async Task SecuritySignal_RollsBackAtTheNextEvaluation()
    {
        var f = new Fixture();
        await f.Controller.StartCanaryAsync("go", Ct);
        f.Controller.SignalSecurityIncident("INC-7 prompt injection");
        var status = await f.Controller.EvaluateAsync(Ct);
        Assert.Equal(RolloutState.RolledBack, status.State);
        Assert.Contains("INC-7", status.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitoring_EvaluatesOnTheTimeProviderTimer()
    {
        var f = new Fixture();
        await f.Controller.StartCanaryAsync("go", Ct);
        f.Feed(0.05, 40_000, 0.01, 0.08);
        f.Controller.StartMonitoring(TimeSpan.FromMinutes(5));
        f.Time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(RolloutState.Canary, f.Controller.Status.State);

        f.Time.Advance(TimeSpan.FromMinutes(1));
        for (var i = 0; i < 200 && f.Controller.Status.State != RolloutState.RolledBack; i++)
        {
            await Task.Delay(10, Ct);
        }

        Assert.Equal(RolloutState.RolledBack, f.Controller.Status.State);
        await f.Controller.DisposeAsync();
    }

    [Fact]
    public void Design_ComesFromTheRoutersConfiguration()
    {
        var time = new FakeTimeProvider();
        var plan = RolloutPlan.Create("fraud-v2", [new RolloutStage(1.0, TimeSpan.Zero, 0)]);
        RolloutController Create(IDeploymentTarget target) => new(plan, target, new CanaryRecorder(), new InMemoryAuditLog(time), time);

        Assert.Equal(RoutingDesign.PerUnit, Create(new CanaryRouterTarget(new CanaryRouter("fraud-v2"))).Design);
        var perRequestRouter = new CanaryRouter("fraud-v2") { Design = RoutingDesign.PerRequest };
        Assert.Equal(RoutingDesign.PerRequest, Create(new CanaryRouterTarget(perRequestRouter)).Design);
        Assert.Equal(RoutingDesign.PerRequest, Create(new RecordingTarget()).Design);
        var overridden = new RolloutController(plan, new RecordingTarget(), new CanaryRecorder(), new InMemoryAuditLog(time), time)
        {
            Design = RoutingDesign.PerUnit,
        };
        Assert.Equal(RoutingDesign.PerUnit, overridden.Design);
    }

    [Fact]
    public async Task PerUnitRollout_AnalysesTheSubBuckets_WithTheMixtureFromThePlansEffect()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var router = new CanaryRouter("per-unit");
        var recorder = new CanaryRecorder();
        var plan = RolloutPlan.FromPower("per-unit", 0.01, 0.02, TimeSpan.FromHours(1), [0.2, 1.0]);
        var controller = new RolloutController(plan, new CanaryRouterTarget(router), recorder, new InMemoryAuditLog(time), time);
        await controller.StartCanaryAsync("shadow passed", Ct);

        for (var customer = 0; customer < 6000; customer++)
        {
            var assignment = router.Assign("customer-" + customer);
            for (var request = 0; request < 1 + (customer % 5); request++)
            {
                recorder.Record(assignment, TimeSpan.FromMilliseconds(40), isError: (customer + request) % 100 == 0);
            }
        }

        var status = await controller.EvaluateAsync(Ct);
        var analysis = status.LastAnalysis!;
        Assert.Equal(RoutingDesign.PerUnit, analysis.Design);
        Assert.Equal(ErrorRateTest.MixtureSequentialDeltaMethod, analysis.ErrorRate!.Value.Test);
        var window = recorder.Snapshot();
        var expected = CanaryAnalyzer.Analyze(
            new CanaryObservation(window, 0.2) { Design = RoutingDesign.PerUnit },
            new CanaryAnalysisOptions { MinimumDetectableEffect = 0.02 });
        Assert.Equal(expected.ErrorRate!.Value.PValue, analysis.ErrorRate.Value.PValue);
    }

    [Fact]
    public async Task RouterTarget_MovesTheInProcessRouter()
    {
        var router = new CanaryRouter("fraud-v2");
        var target = new CanaryRouterTarget(router);
        await target.SetTrafficAsync(0.25, Ct);
        Assert.Equal(0.25, router.TrafficFraction);
        await target.RollBackAsync("bad", Ct);
        Assert.Equal(0.0, router.TrafficFraction);
    }
}
