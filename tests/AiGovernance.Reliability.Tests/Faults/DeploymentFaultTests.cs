using AiGovernance.Core.Audit;
using AiGovernance.Deployment;
using AiGovernance.Deployment.Recording;
using AiGovernance.Deployment.Rollout;
using AiGovernance.Deployment.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Reliability.Tests.Faults;

/// <summary>A deployment target that throws or hangs during rollback: retried with exponential back-off on the clock, the
/// rollout ends rolled back or marked <see cref="RolloutState.RollbackFailed"/> (never promoted), and every failure is audited.</summary>
public class DeploymentFaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThrowingTarget_IsRetriedWithExponentialBackOff_ThenRollbackFailed_AuditedAndNeverPromoted()
    {
        var bench = new RolloutBench();
        bench.Target.RollBack = (_, _) => throw new InvalidOperationException("load balancer API returned 503");
        await bench.Controller.StartCanaryAsync("shadow passed", Ct);
        bench.Controller.SignalSecurityIncident("prompt-injection exploit");

        var status = await bench.DriveAsync(bench.Controller.EvaluateAsync(Ct).AsTask());

        Assert.Equal(RolloutState.RollbackFailed, status.State);
        Assert.Contains("operator must act", status.Reason, StringComparison.Ordinal);
        Assert.Equal(5, bench.Target.RollBackCalls);
        var gaps = bench.Target.RollBackTimes.Zip(bench.Target.RollBackTimes.Skip(1), (a, b) => b - a).ToArray();
        Assert.Equal(4, gaps.Length);
        double[] expected = [1, 2, 4, 8];
        for (var i = 0; i < gaps.Length; i++)
        {
            Assert.InRange(gaps[i].TotalSeconds, expected[i], expected[i] + 1);
        }

        var records = bench.Audit.Snapshot();
        Assert.Equal(["deployment.rollout.transition", .. Enumerable.Repeat("deployment.rollout.rollback_attempt_failed", 5), "deployment.rollout.transition"],
            records.Select(r => r.EventType));
        Assert.All(records.Where(r => r.EventType.EndsWith("failed", StringComparison.Ordinal)), r =>
        {
            Assert.Equal("InvalidOperationException", r.Payload!.Value.GetProperty("error").GetString());
            Assert.False(r.Payload!.Value.GetProperty("timedOut").GetBoolean());
            Assert.DoesNotContain("503", r.Payload!.Value.GetRawText(), StringComparison.Ordinal);
        });
        Assert.Equal("RollbackFailed", records[^1].Payload!.Value.GetProperty("to").GetString());
        Assert.True((await bench.Audit.VerifyAsync(Ct)).IsValid);

        // Healthy traffic and time do not promote a rollout whose rollback failed; each evaluation retries the rollback.
        bench.Feed(0.05, 40_000, 0.01, 0.01);
        bench.Time.Advance(TimeSpan.FromHours(2));
        status = await bench.DriveAsync(bench.Controller.EvaluateAsync(Ct).AsTask());
        Assert.Equal(RolloutState.RollbackFailed, status.State);
        Assert.Equal([0.05], bench.Target.Traffic);
        Assert.Equal(10, bench.Target.RollBackCalls);

        bench.Target.RollBack = null;
        status = await bench.DriveAsync(bench.Controller.EvaluateAsync(Ct).AsTask());
        Assert.Equal(RolloutState.RolledBack, status.State);
        Assert.Equal(0.0, status.TrafficFraction);
        Assert.Equal(11, bench.Target.RollBackCalls);
        Assert.Equal("RolledBack", bench.Audit.Snapshot()[^1].Payload!.Value.GetProperty("to").GetString());
        Assert.True((await bench.Audit.VerifyAsync(Ct)).IsValid);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task HangingTarget_EachAttemptTimesOut_RollbackFailedAndAudited(bool honoursCancellation)
    {
        var resilience = new RolloutResilienceOptions { RollbackMaxAttempts = 3, RollbackBaseDelay = TimeSpan.FromSeconds(1), TargetCallTimeout = TimeSpan.FromSeconds(10) };
        var bench = new RolloutBench(resilience);
        var cancelled = 0;
        bench.Target.RollBack = (_, token) =>
        {
            var never = new TaskCompletionSource();
            if (honoursCancellation)
            {
                token.Register(() => { Interlocked.Increment(ref cancelled); never.TrySetCanceled(token); });
            }

            return new ValueTask(never.Task);
        };
        await bench.Controller.StartCanaryAsync("go", Ct);
        var started = bench.Time.GetUtcNow();

        var status = await bench.DriveAsync(bench.Controller.RollBackAsync("manual: on-call decision", Ct).AsTask());

        Assert.Equal(RolloutState.RollbackFailed, status.State);
        Assert.Equal(3, bench.Target.RollBackCalls);
        Assert.InRange((bench.Time.GetUtcNow() - started).TotalSeconds, 3 * 10 + 1 + 2, 3 * 10 + 1 + 2 + 8);
        var failures = bench.Audit.Snapshot().Where(r => r.EventType == "deployment.rollout.rollback_attempt_failed").ToList();
        Assert.Equal(3, failures.Count);
        Assert.All(failures, r => Assert.True(r.Payload!.Value.GetProperty("timedOut").GetBoolean()));
        Assert.Equal(honoursCancellation ? 3 : 0, cancelled);
        Assert.True((await bench.Audit.VerifyAsync(Ct)).IsValid);
    }

    [Fact]
    public async Task EventuallySucceedingTarget_RollsBackOnTheThirdAttempt()
    {
        var bench = new RolloutBench(new RolloutResilienceOptions { TargetCallTimeout = TimeSpan.FromSeconds(5) });
        bench.Target.RollBack = (attempt, _) => attempt switch
        {
            1 => throw new TimeoutException("mesh control plane slow"),
            2 => new ValueTask(new TaskCompletionSource().Task),
            _ => Succeed(bench.Router),
        };
        await bench.Controller.StartCanaryAsync("go", Ct);
        bench.Controller.SignalFairnessViolation("demographic parity ratio 0.62");

        var status = await bench.DriveAsync(bench.Controller.EvaluateAsync(Ct).AsTask());

        Assert.Equal(RolloutState.RolledBack, status.State);
        Assert.Contains("attempt 3", status.Reason, StringComparison.Ordinal);
        Assert.Equal(0.0, bench.Router.TrafficFraction);
        Assert.Equal(3, bench.Target.RollBackCalls);
        var types = bench.Audit.Snapshot().Select(r => r.EventType).ToList();
        Assert.Equal(2, types.Count(t => t == "deployment.rollout.rollback_attempt_failed"));
        Assert.Equal("RolledBack", bench.Audit.Snapshot()[^1].Payload!.Value.GetProperty("to").GetString());

        // Idempotent afterwards: no second rollback.
        Assert.Equal(RolloutState.RolledBack, (await bench.Controller.RollBackAsync("again", Ct)).State);
        Assert.Equal(3, bench.Target.RollBackCalls);
    }

    private static ValueTask Succeed(CanaryRouter router)
    {
        router.TrafficFraction = 0.0;
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task CallerCancellingMidRollback_LeavesTheRolloutMarkedRollbackFailed()
    {
        var bench = new RolloutBench();
        bench.Target.RollBack = (_, _) => throw new IOException("network down");
        await bench.Controller.StartCanaryAsync("go", Ct);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var rollback = bench.Controller.RollBackAsync("manual", cts.Token).AsTask();
        while (bench.Target.RollBackCalls < 2)
        {
            bench.Time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(1, Ct);
        }

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rollback);
        Assert.Equal(RolloutState.RollbackFailed, bench.Controller.Status.State);
        Assert.Equal("RollbackFailed", bench.Audit.Snapshot()[^1].Payload!.Value.GetProperty("to").GetString());
        Assert.True((await bench.Audit.VerifyAsync(Ct)).IsValid);
    }

    [Fact]
    public async Task HangingTrafficChange_TimesOut_StaysAtTheStage_AndCannotBlockALaterRollback()
    {
        var bench = new RolloutBench(new RolloutResilienceOptions { TargetCallTimeout = TimeSpan.FromSeconds(10) });
        await bench.Controller.StartCanaryAsync("go", Ct);
        bench.Target.SetTraffic = (_, _) => new ValueTask(new TaskCompletionSource().Task);
        bench.Feed(0.05, 40_000, 0.01, 0.01);
        bench.Time.Advance(TimeSpan.FromHours(2));

        await Assert.ThrowsAsync<TimeoutException>(() => bench.DriveAsync(bench.Controller.EvaluateAsync(Ct).AsTask()));

        Assert.Equal((RolloutState.Canary, 0, 0.05), (bench.Controller.Status.State, bench.Controller.Status.StageIndex, bench.Controller.Status.TrafficFraction));
        var last = bench.Audit.Snapshot()[^1];
        Assert.Equal("deployment.rollout.traffic_change_failed", last.EventType);
        Assert.Equal(0.25, last.Payload!.Value.GetProperty("trafficFraction").GetDouble());

        var status = await bench.DriveAsync(bench.Controller.RollBackAsync("abandon", Ct).AsTask());
        Assert.Equal(RolloutState.RolledBack, status.State);
        Assert.True((await bench.Audit.VerifyAsync(Ct)).IsValid);
    }

    [Fact]
    public void InvalidResilienceOptions_AreRefused_InTheConstructorAndAtStartUp()
    {
        var bad = new[]
        {
            new RolloutResilienceOptions { RollbackMaxAttempts = 0 },
            new RolloutResilienceOptions { RollbackMaxAttempts = 101 },
            new RolloutResilienceOptions { RollbackBaseDelay = TimeSpan.FromSeconds(-1) },
            new RolloutResilienceOptions { RollbackBaseDelay = TimeSpan.FromMinutes(2), RollbackMaxDelay = TimeSpan.FromMinutes(1) },
            new RolloutResilienceOptions { TargetCallTimeout = TimeSpan.Zero },
            new RolloutResilienceOptions { TargetCallTimeout = TimeSpan.FromHours(2) },
        };
        foreach (var options in bad)
        {
            Assert.Equal("resilience", Assert.Throws<ArgumentException>(() => new RolloutBench(options)).ParamName);
        }

        var services = new ServiceCollection();
        services.AddAiGovernance().AddDeployment(o =>
        {
            o.Resilience.RollbackMaxAttempts = 0;
            o.Resilience.TargetCallTimeout = TimeSpan.Zero;
            o.Resilience.RollbackMaxDelay = TimeSpan.FromHours(3);
        });
        using var provider = services.BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DeploymentOptions>>().Value);
        Assert.Contains(ex.Failures, f => f.Contains("RollbackMaxAttempts", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("TargetCallTimeout", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("RollbackMaxDelay", StringComparison.Ordinal));
    }

    /// <summary>A plan with one-hour stages of 1 000 requests per variant, a router-backed faulty target and an audit log.</summary>
    internal sealed class RolloutBench
    {
        public RolloutBench(RolloutResilienceOptions? resilience = null, IAuditLog? audit = null, string name = "fraud-v2")
        {
            Target = new FaultyTarget(Router, Time);
            Audit = new InMemoryAuditLog(Time);
            AuditLog = audit ?? Audit;
            var plan = RolloutPlan.Create(name, [.. RolloutPlan.DefaultFractions.Select(f => new RolloutStage(f, TimeSpan.FromHours(1), 1000))]);
            Controller = new RolloutController(plan, Target, Recorder, AuditLog, Time, resilience: resilience);
        }

        public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

        public CanaryRouter Router { get; } = new("fraud-v2");

        public FaultyTarget Target { get; }

        public CanaryRecorder Recorder { get; } = new();

        public InMemoryAuditLog Audit { get; }

        public IAuditLog AuditLog { get; }

        public RolloutController Controller { get; }

        /// <summary>Advances the fake clock in one-second steps until the operation completes.</summary>
        public async Task<T> DriveAsync<T>(Task<T> operation)
        {
            for (var i = 0; i < 20_000 && !operation.IsCompleted; i++)
            {
                await Task.Delay(1, TestContext.Current.CancellationToken);
                if (!operation.IsCompleted)
                {
                    Time.Advance(TimeSpan.FromSeconds(1));
                }
            }

            return await operation;
        }

        /// <summary>Records traffic split exactly as planned, with the given error rates.</summary>
        public void Feed(double fraction, int total, double baselineErrorRate, double candidateErrorRate)
        {
            var candidate = (int)Math.Round(total * fraction);
            for (var i = 0; i < total - candidate; i++)
            {
                Recorder.Record(DeploymentVariant.Baseline, TimeSpan.FromMilliseconds(40 + (i % 7)), i < baselineErrorRate * (total - candidate));
            }

            for (var i = 0; i < candidate; i++)
            {
                Recorder.Record(DeploymentVariant.Candidate, TimeSpan.FromMilliseconds(40 + (i % 7)), i < candidateErrorRate * candidate);
            }
        }
    }

    /// <summary>A router-backed target whose calls can be replaced by faults; counts every call (thread-safe).</summary>
    internal sealed class FaultyTarget(CanaryRouter router, TimeProvider time) : IDeploymentTarget
    {
        private readonly Lock _gate = new();
        private int _rollBackCalls;
        private int _setTrafficCalls;

        public Func<int, CancellationToken, ValueTask>? RollBack { get; set; }

        public Func<double, CancellationToken, ValueTask>? SetTraffic { get; set; }

        public int RollBackCalls => Volatile.Read(ref _rollBackCalls);

        public int SetTrafficCalls => Volatile.Read(ref _setTrafficCalls);

        public List<DateTimeOffset> RollBackTimes { get; } = [];

        public List<double> Traffic { get; } = [];

        public ValueTask SetTrafficAsync(double candidateFraction, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _setTrafficCalls);
            if (SetTraffic is { } fault)
            {
                return fault(candidateFraction, cancellationToken);
            }

            lock (_gate)
            {
                Traffic.Add(candidateFraction);
            }

            router.TrafficFraction = candidateFraction;
            return ValueTask.CompletedTask;
        }

        public ValueTask RollBackAsync(string reason, CancellationToken cancellationToken)
        {
            var attempt = Interlocked.Increment(ref _rollBackCalls);
            lock (_gate)
            {
                RollBackTimes.Add(time.GetUtcNow());
            }

            if (RollBack is { } fault)
            {
                return fault(attempt, cancellationToken);
            }

            router.TrafficFraction = 0.0;
            return ValueTask.CompletedTask;
        }
    }
}
