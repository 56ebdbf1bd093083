using System.Collections.Concurrent;
using System.Text.Json;
using AiGovernance.Core.Audit;
using AiGovernance.Oversight.Review;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Reliability.Tests.Concurrency;

/// <summary>The audit log under concurrent appends from several components stays one valid, gap-free chain.</summary>
public class AuditLogConcurrencyTests
{
    /// <summary>Writers: four per core (at least eight), so appends really contend.</summary>
    internal static int Writers => Math.Max(8, Environment.ProcessorCount * 4);

    [Fact]
    public async Task InMemoryAuditLog_ConcurrentAppendsFromManyComponents_FormOneValidChainWithEveryRecord()
    {
        var perWriter = Stress.Pick(500, 20_000);
        var log = new InMemoryAuditLog(new FakeTimeProvider());
        var returned = new ConcurrentBag<AuditRecord>();

        await System.Threading.Tasks.Parallel.ForEachAsync(Enumerable.Range(0, Writers), WriterOptions(), async (writer, ct) =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                returned.Add(await log.AppendAsync(Event(writer, i), ct));
            }
        });

        var records = log.Snapshot();
        AssertCompleteChain(records, Writers, perWriter);
        Assert.Equal(records.Count, returned.Count);
        Assert.True((await log.VerifyAsync(TestContext.Current.CancellationToken)).IsValid);
        TestContext.Current.TestOutputHelper?.WriteLine($"in-memory audit log: {Writers} writers × {perWriter} = {records.Count} records, chain valid");
    }

    [Fact]
    public async Task FileAuditLog_ConcurrentAppends_AreDurableAndReopenAsOneValidChain()
    {
        using var files = new TestFiles();
        var path = files.File("audit.jsonl");
        var perWriter = Stress.Pick(25, 500);
        AuditCheckpoint head;
        using (var log = new FileAuditLog(path, new FakeTimeProvider()))
        {
            await System.Threading.Tasks.Parallel.ForEachAsync(Enumerable.Range(0, Writers), WriterOptions(), async (writer, ct) =>
            {
                for (var i = 0; i < perWriter; i++)
                {
                    await log.AppendAsync(Event(writer, i), ct);
                }
            });
            head = log.Head;
            Assert.True((await log.VerifyAsync(TestContext.Current.CancellationToken)).IsValid);
        }

        Assert.Equal(Writers * perWriter, head.Sequence);
        Assert.True((await FileAuditLog.VerifyFileAsync(path, head, TestContext.Current.CancellationToken)).IsValid);
        using var reopened = new FileAuditLog(path, new FakeTimeProvider());
        Assert.False(reopened.RecoveredTornRecord);
        Assert.Equal(head, reopened.Head);
        var records = new List<AuditRecord>();
        await foreach (var record in reopened.ReadAsync(cancellationToken: TestContext.Current.CancellationToken))
        {
            records.Add(record);
        }

        AssertCompleteChain(records, Writers, perWriter);
        TestContext.Current.TestOutputHelper?.WriteLine($"file audit log: {Writers} writers × {perWriter} = {records.Count} fsynced records, chain valid after reopen");
    }

    [Fact]
    public async Task SharedAuditLog_ReviewProtocolAndOtherComponentsConcurrently_KeepOneValidChain()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero));
        var audit = new InMemoryAuditLog(time);
        var reviews = new InMemoryReviewLog();
        var protocol = new IndependentReviewProtocol(reviews, audit, time, "credit-model");
        var sessions = Stress.Pick(200, 5_000);

        var reviewers = System.Threading.Tasks.Parallel.ForEachAsync(Enumerable.Range(0, sessions), WriterOptions(), async (i, ct) =>
        {
            var session = protocol.Start($"case-{i}", $"reviewer-{i % 7}", new AiRecommendation("approve", 0.7));
            session.RecordInitialJudgment(i % 3 == 0 ? "deny" : "approve", 0.8);
            session.RevealRecommendation();
            await session.CompleteAsync("approve", ct);
        });
        var gates = System.Threading.Tasks.Parallel.ForEachAsync(Enumerable.Range(0, sessions), WriterOptions(), async (i, ct) =>
            await audit.AppendAsync(new AuditEvent("gate.evaluated", "deployment-gate", "credit-model"), ct));
        await Task.WhenAll(reviewers, gates);

        var records = audit.Snapshot();
        Assert.True(AuditChain.Verify(records).IsValid);
        Assert.Equal(Enumerable.Range(1, records.Count).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.Equal(sessions, records.Count(r => r.EventType == "gate.evaluated"));
        Assert.Equal(sessions, reviews.Count);
        Assert.Equal(sessions, reviews.Snapshot().Select(r => r.CaseId).Distinct().Count());
        TestContext.Current.TestOutputHelper?.WriteLine($"shared audit log: {sessions} review sessions + {sessions} gate events = {records.Count} records, chain valid");
    }

    internal static ParallelOptions WriterOptions() => new()
    {
        MaxDegreeOfParallelism = Writers,
        CancellationToken = TestContext.Current.CancellationToken,
    };

    private static AuditEvent Event(int writer, int index) =>
        new("component.step", $"component-{writer}", payload: JsonSerializer.SerializeToElement(new { writer, index }));

    private static void AssertCompleteChain(IReadOnlyList<AuditRecord> records, int writers, int perWriter)
    {
        Assert.Equal(writers * perWriter, records.Count);
        Assert.True(AuditChain.Verify(records).IsValid);
        for (var i = 0; i < records.Count; i++)
        {
            Assert.Equal(i + 1, records[i].Sequence);
        }

        // Each component's own events appear exactly once and in the order it appended them.
        foreach (var group in records.GroupBy(r => r.Actor))
        {
            var indexes = group.Select(r => r.Payload!.Value.GetProperty("index").GetInt32()).ToList();
            Assert.Equal(Enumerable.Range(0, perWriter), indexes);
        }

        Assert.Equal(writers, records.Select(r => r.Actor).Distinct().Count());
    }
}
