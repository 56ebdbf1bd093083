using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AiGovernance.Core.Audit;
using AiGovernance.Oversight;
using AiGovernance.Oversight.Review;
using AiGovernance.Oversight.Routing;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Reliability.Tests.Concurrency;

/// <summary>Review logs, the router and review sessions under concurrent use.</summary>
public class OversightConcurrencyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task JsonLinesReviewLog_ConcurrentWriters_LoseNothing()
    {
        using var files = new TestFiles();
        var path = files.File("reviews.jsonl");
        var writers = AuditLogConcurrencyTests.Writers;
        var perWriter = Stress.Pick(100, 2_000);
        using (var log = new JsonLinesReviewLog(path, flushToDisk: Stress.Enabled))
        {
            await System.Threading.Tasks.Parallel.ForEachAsync(Enumerable.Range(0, writers), AuditLogConcurrencyTests.WriterOptions(), async (w, ct) =>
            {
                for (var i = 0; i < perWriter; i++)
                {
                    await log.AppendAsync(Review($"w{w}-c{i}", $"reviewer-{w}"), ct);
                }
            });
        }

        // Every line of the file is one complete JSON object (no interleaved or torn writes).
        var lines = await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(writers * perWriter, lines.Length);
        foreach (var line in lines)
        {
            using var document = System.Text.Json.JsonDocument.Parse(line);
            Assert.Equal(System.Text.Json.JsonValueKind.Object, document.RootElement.ValueKind);
        }

        using var reopened = new JsonLinesReviewLog(path);
        Assert.False(reopened.RecoveredTornRecord);
        var ids = new List<string>();
        await foreach (var record in reopened.ReadAsync(TestContext.Current.CancellationToken))
        {
            ids.Add(record.CaseId);
        }

        Assert.Equal(writers * perWriter, ids.Count);
        Assert.Equal(writers * perWriter, ids.Distinct(StringComparer.Ordinal).Count());
        TestContext.Current.TestOutputHelper?.WriteLine($"JSON-lines review log: {writers} writers × {perWriter} = {ids.Count} records, none lost");
    }

    [Fact]
    public async Task InMemoryReviewLog_ConcurrentWriters_LoseNothing()
    {
        var log = new InMemoryReviewLog();
        var writers = AuditLogConcurrencyTests.Writers;
        var perWriter = Stress.Pick(2_000, 50_000);
        await System.Threading.Tasks.Parallel.ForEachAsync(Enumerable.Range(0, writers), AuditLogConcurrencyTests.WriterOptions(), async (w, ct) =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                await log.AppendAsync(Review($"w{w}-c{i}", $"reviewer-{w}"), ct);
            }
        });

        Assert.Equal(writers * perWriter, log.Count);
        Assert.Equal(writers * perWriter, log.Snapshot().Select(r => r.CaseId).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void ReviewRouter_HammeredByAllCores_DecidesAsSequentialAndCountsExactly()
    {
        var options = new OversightOptions { ReviewThreshold = 0.85, AuditSampleRate = 0.1, AuditSalt = "reliability" };
        var calls = Stress.Pick(200_000, 5_000_000);
        using var meterFactory = new TestMeterFactory();
        var router = new ReviewRouter(options, meterFactory);
        long routedMeasured = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meterFactory) && instrument.Meter.Name == "AiGovernance.Oversight" && instrument.Name == "aigovernance.oversight.routing.decisions")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref routedMeasured, value));
        listener.Start();

        var human = new long[1];
        var audited = new long[1];
        System.Threading.Tasks.Parallel.For(0, calls, new ParallelOptions { MaxDegreeOfParallelism = AuditLogConcurrencyTests.Writers }, i =>
        {
            Span<char> id = stackalloc char[16];
            i.TryFormat(id, out var written);
            var decision = router.Route(id[..written], (i % 1000) / 1000.0);
            if (decision.RequiresHumanReview)
            {
                Interlocked.Increment(ref human[0]);
            }

            if (decision.SelectedForAudit)
            {
                Interlocked.Increment(ref audited[0]);
            }
        });

        var sequential = new ReviewRouter(options);
        long expectedHuman = 0, expectedAudited = 0;
        for (var i = 0; i < calls; i++)
        {
            var d = sequential.Route(i.ToString(System.Globalization.CultureInfo.InvariantCulture), (i % 1000) / 1000.0);
            expectedHuman += d.RequiresHumanReview ? 1 : 0;
            expectedAudited += d.SelectedForAudit ? 1 : 0;
        }

        Assert.Equal(expectedHuman, human[0]);
        Assert.Equal(expectedAudited, audited[0]);
        Assert.Equal(calls, Interlocked.Read(ref routedMeasured));
        TestContext.Current.TestOutputHelper?.WriteLine($"router: {calls} decisions on {AuditLogConcurrencyTests.Writers} workers; {human[0]} to human review, {audited[0]} audited; metric total {routedMeasured}");
    }

    [Fact]
    public async Task IndependentReviewSession_CompletedConcurrently_RecordsExactlyOneDecision()
    {
        var rounds = Stress.Pick(50, 1_000);
        var contenders = AuditLogConcurrencyTests.Writers;
        var time = new FakeTimeProvider(T0);
        var audit = new InMemoryAuditLog(time);
        var reviews = new InMemoryReviewLog();
        var protocol = new IndependentReviewProtocol(reviews, audit, time);
        var refused = 0;
        for (var round = 0; round < rounds; round++)
        {
            var session = protocol.Start($"case-{round}", "reviewer", new AiRecommendation("approve", 0.6));
            session.RecordInitialJudgment("deny", 0.9);
            using var start = new ManualResetEventSlim();
            var attempts = Enumerable.Range(0, contenders).Select(c => Task.Run(async () =>
            {
                start.Wait(TestContext.Current.CancellationToken);
                try
                {
                    await session.CompleteAsync(c % 2 == 0 ? "deny" : "approve", TestContext.Current.CancellationToken);
                    return true;
                }
                catch (ReviewProtocolException)
                {
                    Interlocked.Increment(ref refused);
                    return false;
                }
            })).ToArray();
            start.Set();
            var outcomes = await Task.WhenAll(attempts);
            Assert.Equal(1, outcomes.Count(o => o));
        }

        Assert.Equal(rounds, reviews.Count);
        Assert.Equal(rounds * (contenders - 1), refused);
        Assert.True(AuditChain.Verify(audit.Snapshot()).IsValid);
        TestContext.Current.TestOutputHelper?.WriteLine($"review sessions: {rounds} rounds × {contenders} concurrent completions; {rounds} recorded, {refused} refused");
    }

    private static ReviewRecord Review(string caseId, string reviewer) =>
        new(caseId, reviewer, ReviewKind.Routed, T0, T0.AddSeconds(30), T0.AddSeconds(60), "deny", 0.8, "approve", 0.7, "deny");
}
