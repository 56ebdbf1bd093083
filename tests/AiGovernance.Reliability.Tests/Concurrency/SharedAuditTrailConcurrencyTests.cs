using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Gates.Approvals;
using AiGovernance.Gates.Decisions;
using AiGovernance.Oversight.Review;
using AiGovernance.Reliability.Tests.Faults;
using AiGovernance.Reliability.Tests.Security;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Reliability.Tests.Concurrency;

/// <summary>One audit log shared by the real components — governance gates, rollout controllers and the independent
/// review protocol — appending concurrently stays one valid chain with exactly every record; a signed checkpoint of its
/// head then catches an in-place edit whose later hashes were all recomputed.</summary>
public class SharedAuditTrailConcurrencyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InMemoryAuditLog_SharedByGatesRolloutsAndReviews_StaysOneCompleteValidChain()
    {
        var log = new InMemoryAuditLog(new FakeTimeProvider(ApprovalFixture.Start));
        var (gates, rollouts, sessions) = (Stress.Pick(200, 4_000), Stress.Pick(50, 1_000), Stress.Pick(200, 4_000));
        await HammerAsync(log, gates, rollouts, sessions);

        var records = log.Snapshot();
        AssertComplete(records, gates, rollouts, sessions);
        Assert.True((await log.VerifyAsync(Ct)).IsValid);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"shared in-memory audit log: {gates} gate decisions + {rollouts} rollouts × 2 transitions + {sessions} review sessions = {records.Count} records, chain valid");
    }

    [Fact]
    public async Task FileAuditLog_SharedByGatesRolloutsAndReviews_IsDurableValidAndMatchesItsSignedCheckpoint()
    {
        using var files = new TestFiles();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var path = files.File("shared-audit.jsonl");
        var (gates, rollouts, sessions) = (Stress.Pick(40, 800), Stress.Pick(15, 300), Stress.Pick(40, 800));
        SignedAuditCheckpoint checkpoint;
        using (var log = new FileAuditLog(path, new FakeTimeProvider(ApprovalFixture.Start)))
        {
            await HammerAsync(log, gates, rollouts, sessions);
            Assert.True((await log.VerifyAsync(Ct)).IsValid);
            checkpoint = SignedAuditCheckpoint.Sign(log.Head, key, "audit-key-1", new FakeTimeProvider(ApprovalFixture.Start));
        }

        using var reopened = new FileAuditLog(path, new FakeTimeProvider(ApprovalFixture.Start));
        Assert.False(reopened.RecoveredTornRecord);
        Assert.Equal(checkpoint.Checkpoint, reopened.Head);
        var records = new List<AuditRecord>();
        await foreach (var record in reopened.ReadAsync(cancellationToken: Ct))
        {
            records.Add(record);
        }

        AssertComplete(records, gates, rollouts, sessions);
        Assert.True((await FileAuditLog.VerifyFileAgainstCheckpointAsync(path, checkpoint, key, Ct)).IsValid);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"shared file audit log: {records.Count} fsynced records from gates, rollouts and reviews; valid after reopen and against the signed checkpoint");
    }

    [Fact]
    public async Task AuditFileEditedInPlace_WithEveryLaterHashRecomputed_PassesTheChainCheck_ButNotTheSignedCheckpoint()
    {
        using var files = new TestFiles();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var path = files.File("audit.jsonl");
        SignedAuditCheckpoint checkpoint;
        using (var log = new FileAuditLog(path, new FakeTimeProvider(ApprovalFixture.Start)))
        {
            for (var i = 0; i < 10; i++)
            {
                await log.AppendAsync(new AuditEvent("gate.deployment.decided", $"approver-{i}", "credit-scoring"), Ct);
            }

            checkpoint = SignedAuditCheckpoint.Sign(log.Head, key, "audit-key-1", new FakeTimeProvider(ApprovalFixture.Start));

            // The log goes on after the checkpoint; that must still verify.
            for (var i = 10; i < 20; i++)
            {
                await log.AppendAsync(new AuditEvent("gate.deployment.decided", $"approver-{i}", "credit-scoring"), Ct);
            }
        }

        Assert.True((await FileAuditLog.VerifyFileAgainstCheckpointAsync(path, checkpoint, key, Ct)).IsValid);

        // The attacker edits record 4 in place and recomputes the hash of it and of every record after it.
        var lines = await File.ReadAllLinesAsync(path, Ct);
        var previous = Sha256Digest.Parse(JsonNode.Parse(lines[2])!["hash"]!.GetValue<string>());
        for (var i = 3; i < lines.Length; i++)
        {
            var node = JsonNode.Parse(lines[i])!.AsObject();
            if (i == 3)
            {
                node["actor"] = "attacker";
            }

            var payload = node["payload"] is { } p ? JsonSerializer.SerializeToElement(p) : (JsonElement?)null;
            var artifact = node["artifact"] is { } a ? Sha256Digest.Parse(a.GetValue<string>()) : default;
            var hash = AuditChain.ComputeHash(node["seq"]!.GetValue<long>(), node["ts"]!.GetValue<DateTimeOffset>(), node["type"]!.GetValue<string>(),
                node["actor"]!.GetValue<string>(), node["system"]?.GetValue<string>(), artifact, payload, previous);
            node["prev"] = previous.ToString();
            node["hash"] = hash.ToString();
            lines[i] = node.ToJsonString();
            previous = hash;
        }

        await File.WriteAllLinesAsync(path, lines, Ct);

        Assert.True((await FileAuditLog.VerifyFileAsync(path, cancellationToken: Ct)).IsValid);
        using (var opened = new FileAuditLog(path, new FakeTimeProvider(ApprovalFixture.Start)))
        {
            Assert.Equal(20, opened.Head.Sequence);
        }

        var result = await FileAuditLog.VerifyFileAgainstCheckpointAsync(path, checkpoint, key, Ct);
        Assert.False(result.IsValid);
        Assert.Equal(AuditChainFailure.CheckpointMismatch, result.Failure);
    }

    /// <summary>Runs gate evaluations, rollouts (start + rollback) and review sessions concurrently against one log.</summary>
    private static async Task HammerAsync(IAuditLog log, int gates, int rollouts, int sessions)
    {
        using var bench = new ApprovalFixture(clockSkew: TimeSpan.FromMinutes(10));
        var gate = new GovernanceGate(bench.Policy, bench.Verifier, log, bench.Clock);
        var approvals = await bench.HighRiskSetAsync();
        var request = bench.Request(approvals);
        var protocol = new IndependentReviewProtocol(new InMemoryReviewLog(), log, bench.Clock, "credit-scoring");
        var options = AuditLogConcurrencyTests.WriterOptions();

        var gateWork = Parallel.ForEachAsync(Enumerable.Range(0, gates), options, async (i, ct) =>
        {
            var decision = await gate.EvaluateAsync(i % 4 == 3 ? bench.Request(approvals.Take(4).ToList()) : request, ct);
            Assert.Equal(i % 4 != 3, decision.IsAllowed);
        });
        var rolloutWork = Parallel.ForEachAsync(Enumerable.Range(0, rollouts), options, async (i, ct) =>
        {
            var rollout = new DeploymentFaultTests.RolloutBench(audit: log, name: $"rollout-{i}");
            await rollout.Controller.StartCanaryAsync("shadow passed", ct);
            await rollout.Controller.RollBackAsync("reliability drill", ct);
        });
        var reviewWork = Parallel.ForEachAsync(Enumerable.Range(0, sessions), options, async (i, ct) =>
        {
            var session = protocol.Start($"case-{i}", $"reviewer-{i % 7}", new AiRecommendation("approve", 0.7));
            session.RecordInitialJudgment(i % 3 == 0 ? "deny" : "approve", 0.8);
            session.RevealRecommendation();
            await session.CompleteAsync("approve", ct);
        });
        await Task.WhenAll(gateWork, rolloutWork, reviewWork);
    }

    private static void AssertComplete(IReadOnlyList<AuditRecord> records, int gates, int rollouts, int sessions)
    {
        Assert.True(AuditChain.Verify(records).IsValid);
        Assert.Equal(Enumerable.Range(1, records.Count).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.Equal(gates, records.Count(r => r.EventType == "gate.deployment.decided"));
        Assert.Equal(2 * rollouts, records.Count(r => r.EventType == "deployment.rollout.transition"));
        var reviewRecords = records.Count - gates - 2 * rollouts;
        Assert.Equal(sessions, reviewRecords);
        Assert.Equal(gates + 2 * rollouts + sessions, records.Count);

        // Each rollout's two transitions are in order: Shadow → Canary, then Canary → RolledBack.
        foreach (var rollout in records.Where(r => r.EventType == "deployment.rollout.transition").GroupBy(r => r.Payload!.Value.GetProperty("rollout").GetString()))
        {
            Assert.Equal(["Canary", "RolledBack"], rollout.Select(r => r.Payload!.Value.GetProperty("to").GetString()));
        }
    }
}
