using AiGovernance.Deployment.Bucketing;
using AiGovernance.Deployment.Recording;
using AiGovernance.Deployment.Rollout;
using AiGovernance.Deployment.Routing;
using AiGovernance.Reliability.Tests.Faults;

namespace AiGovernance.Reliability.Tests.Concurrency;

/// <summary>A rollout controller evaluated by many callers at once makes each transition once and rolls back once; the
/// router stays monotonic and the recorder exact while the fraction moves under load.</summary>
public class RolloutConcurrencyTests
{
    private const int Callers = 64;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ParallelEvaluations_OfAStageReadyToAdvance_MakeExactlyOneTransition()
    {
        var rounds = Stress.Pick(20, 400);
        for (var round = 0; round < rounds; round++)
        {
            var bench = new DeploymentFaultTests.RolloutBench();
            await bench.Controller.StartCanaryAsync("go", Ct);
            bench.Feed(0.05, 40_000, 0.01, 0.01);
            bench.Time.Advance(TimeSpan.FromHours(1));

            var results = await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(() => bench.Controller.EvaluateAsync(Ct).AsTask(), Ct)));

            Assert.Equal([0.05, 0.25], bench.Target.Traffic);
            Assert.Equal(2, bench.Target.SetTrafficCalls);
            Assert.All(results, r => Assert.Equal(RolloutState.Canary, r.State));
            Assert.Equal(1, bench.Controller.Status.StageIndex);
            var transitions = bench.Audit.Snapshot().Where(r => r.EventType == "deployment.rollout.transition").ToList();
            Assert.Equal(2, transitions.Count);
            Assert.Equal(1, transitions[^1].Payload!.Value.GetProperty("toStage").GetInt32());
            Assert.True((await bench.Audit.VerifyAsync(Ct)).IsValid);
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"rollout advance: {rounds} rounds × {Callers} concurrent evaluations; one traffic change and one transition per round");
    }

    [Fact]
    public async Task ParallelEvaluationsAndManualRollbacks_RollBackExactlyOnce()
    {
        var rounds = Stress.Pick(20, 400);
        for (var round = 0; round < rounds; round++)
        {
            var bench = new DeploymentFaultTests.RolloutBench();
            await bench.Controller.StartCanaryAsync("go", Ct);
            bench.Feed(0.05, 40_000, 0.01, 0.08);
            bench.Controller.SignalSecurityIncident("exfiltration attempt");

            var results = await Task.WhenAll(Enumerable.Range(0, Callers).Select(i => Task.Run(() => i % 2 == 0
                ? bench.Controller.EvaluateAsync(Ct).AsTask()
                : bench.Controller.RollBackAsync("on-call " + i, Ct).AsTask(), Ct)));

            Assert.Equal(1, bench.Target.RollBackCalls);
            Assert.All(results, r => Assert.Equal(RolloutState.RolledBack, r.State));
            Assert.Equal(0.0, bench.Router.TrafficFraction);
            var transitions = bench.Audit.Snapshot().Where(r => r.EventType == "deployment.rollout.transition").ToList();
            Assert.Equal(2, transitions.Count);
            Assert.Equal("RolledBack", transitions[^1].Payload!.Value.GetProperty("to").GetString());
            Assert.True((await bench.Audit.VerifyAsync(Ct)).IsValid);
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"rollout rollback: {rounds} rounds × {Callers} concurrent evaluations and rollbacks; exactly one target rollback and one audited transition per round");
    }

    [Fact]
    public async Task WholeRolloutDrivenConcurrently_WhileTrafficIsRecorded_WalksEachStageOnce()
    {
        var bench = new DeploymentFaultTests.RolloutBench();
        await bench.Controller.StartCanaryAsync("go", Ct);
        foreach (var fraction in new[] { 0.05, 0.25, 0.5 })
        {
            var feeding = Task.Run(() => FeedInterleaved(bench.Recorder, fraction, 40_000, 4), Ct);
            var early = Enumerable.Range(0, Callers / 2).Select(_ => Task.Run(() => bench.Controller.EvaluateAsync(Ct).AsTask(), Ct)).ToArray();
            await Task.WhenAll(early);
            await feeding;
            bench.Time.Advance(TimeSpan.FromHours(1));
            await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(() => bench.Controller.EvaluateAsync(Ct).AsTask(), Ct)));
        }

        Assert.True(bench.Controller.Status.State == RolloutState.Completed, bench.Controller.Status.Reason);
        Assert.Equal([0.05, 0.25, 0.5, 1.0], bench.Target.Traffic);
        Assert.Equal(4, bench.Audit.Snapshot().Count(r => r.EventType == "deployment.rollout.transition"));
        var snapshot = bench.Recorder.Snapshot();
        Assert.Equal(120_000, snapshot.Baseline.Requests + snapshot.Candidate.Requests);
    }

    /// <summary>Records from several threads, each keeping the planned split and a 1% error rate in every prefix, so no
    /// partial window looks like a regression.</summary>
    private static void FeedInterleaved(CanaryRecorder recorder, double fraction, int total, int threads)
    {
        var every = (int)Math.Round(1 / fraction);
        System.Threading.Tasks.Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
        {
            int baseline = 0, candidate = 0;
            for (var i = 0; i < total / threads; i++)
            {
                if (i % every == every - 1)
                {
                    recorder.Record(DeploymentVariant.Candidate, TimeSpan.FromMilliseconds(40 + (candidate % 7)), candidate % 100 == 99);
                    candidate++;
                }
                else
                {
                    recorder.Record(DeploymentVariant.Baseline, TimeSpan.FromMilliseconds(40 + (baseline % 7)), baseline % 100 == 99);
                    baseline++;
                }
            }
        });
    }

    [Fact]
    public async Task Router_UnderConcurrentFractionChanges_IsMonotonicPerUnit_AndRecorderTotalsAreExact()
    {
        var units = Stress.Pick(20_000, 400_000);
        var router = new CanaryRouter("monotonic-salt");
        var recorder = new CanaryRecorder();
        var fractions = new[] { 0.0, 0.05, 0.25, 0.5, 1.0 };
        var violations = 0;
        long routed = 0;
        using var done = new CancellationTokenSource();
        var raiser = Task.Run(async () =>
        {
            foreach (var f in fractions)
            {
                router.TrafficFraction = f;
                await Task.Delay(5, Ct);
            }
        }, Ct);

        System.Threading.Tasks.Parallel.For(0, units, new ParallelOptions { MaxDegreeOfParallelism = AuditLogConcurrencyTests.Writers }, i =>
        {
            var id = "unit-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var bucket = StableBucketing.Fraction(id, router.Salt);
            var seenCandidate = false;
            for (var step = 0; step < 4; step++)
            {
                var before = router.TrafficFraction;
                var variant = router.Route(id);
                var after = router.TrafficFraction;
                recorder.Record(variant, TimeSpan.FromMilliseconds(step), isError: step == 3);
                Interlocked.Increment(ref routed);

                // The fraction only rises, so the answer must match some fraction between the two reads, and once a
                // unit reaches the candidate it stays there.
                var candidate = variant == DeploymentVariant.Candidate;
                if (candidate && !(bucket < after) || !candidate && !(bucket >= before) || seenCandidate && !candidate)
                {
                    Interlocked.Increment(ref violations);
                }

                seenCandidate |= candidate;
            }
        });
        await raiser;

        Assert.Equal(0, violations);
        var snapshot = recorder.Snapshot();
        Assert.Equal(routed, snapshot.Baseline.Requests + snapshot.Candidate.Requests);
        Assert.Equal(units * 4L, routed);
        Assert.Equal(units, snapshot.Baseline.Errors + snapshot.Candidate.Errors);
        TestContext.Current.TestOutputHelper?.WriteLine($"router under moving fraction: {routed} routings on {AuditLogConcurrencyTests.Writers} workers, 0 monotonicity violations, recorder exact");
    }

    [Fact]
    public async Task RecorderSnapshots_TakenDuringRecording_AreMonotonicAndNeverShowMoreErrorsThanRequests()
    {
        var perWriter = Stress.Pick(50_000, 1_000_000);
        var recorder = new VariantRecorder();
        var writers = AuditLogConcurrencyTests.Writers;
        var stop = 0;
        var snapshots = 0;
        var reader = Task.Run(() =>
        {
            long lastRequests = 0, lastErrors = 0;
            while (Volatile.Read(ref stop) == 0)
            {
                var s = recorder.Snapshot();
                Assert.True(s.Errors <= s.Requests, "errors exceed requests");
                Assert.True(s.Requests >= lastRequests && s.Errors >= lastErrors, "snapshot went backwards");
                (lastRequests, lastErrors) = (s.Requests, s.Errors);
                snapshots++;
            }
        }, Ct);

        System.Threading.Tasks.Parallel.For(0, writers, new ParallelOptions { MaxDegreeOfParallelism = writers }, w =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                recorder.Record(TimeSpan.FromTicks(i * 7919L % 50_000_000), isError: i % 10 == 0);
            }
        });
        Volatile.Write(ref stop, 1);
        await reader;

        var final = recorder.Snapshot();
        Assert.Equal(writers * (long)perWriter, final.Requests);
        Assert.Equal(writers * (long)((perWriter + 9) / 10), final.Errors);
        TestContext.Current.TestOutputHelper?.WriteLine($"recorder: {writers} writers × {perWriter} = {final.Requests} requests, {snapshots} concurrent snapshots all consistent");
    }
}
