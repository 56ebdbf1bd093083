using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Monitoring.Responses;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Reliability.Tests.Faults;

/// <summary>Drift response handlers that throw: the others still run and the event is never lost.</summary>
public class DriftResponseFaultTests
{
    private const string Secret = "SECRET-HANDLER-DETAIL";

    [Fact]
    public async Task ThrowingHandlers_OthersStillRun_EventAndEveryActionAudited()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero));
        var audit = new InMemoryAuditLog(time);
        var healthy = new CountingHandler();
        IDriftResponseHandler[] handlers = [new ThrowingHandler(), healthy, new ThrowingHandler(), new CountingHandler()];
        var workflow = new DriftResponseWorkflow(handlers, audit, time, new DriftSeverityPolicy());
        var events = Stress.Pick(50, 2_000);

        await System.Threading.Tasks.Parallel.ForEachAsync(Enumerable.Range(0, events), new ParallelOptions
        {
            MaxDegreeOfParallelism = Concurrency.AuditLogConcurrencyTests.Writers,
            CancellationToken = TestContext.Current.CancellationToken,
        }, async (i, ct) =>
        {
            var result = await workflow.HandleAsync(new DriftEvent
            {
                SystemId = "credit-model", Kind = DriftEventKind.DataDrift, Subject = $"column-{i}", Psi = 0.5, Severity = Severity.Critical,
            }, ct);
            Assert.Equal(4, result.Outcomes.Count);
            Assert.Equal(2, result.Outcomes.Count(o => !o.Succeeded));
            Assert.False(result.AllSucceeded);
        });

        Assert.Equal(events, healthy.Calls);
        var records = audit.Snapshot();
        Assert.True(AuditChain.Verify(records).IsValid);
        Assert.Equal(events, records.Count(r => r.EventType == "monitoring.drift.event"));
        Assert.Equal(events * 4, records.Count(r => r.EventType == "monitoring.drift.action"));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"drift response: {events} concurrent events × 4 handlers, {events * 2} handler faults injected; {records.Count} audit records, chain valid");
    }

    [Fact]
    public async Task HandlersFailingAsynchronouslyOrCancellingThemselves_AreRecordedAsFailures_AndTheRestStillRun()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero));
        var audit = new InMemoryAuditLog(time);
        var healthy = new CountingHandler();
        IDriftResponseHandler[] handlers = [new FaultingAfterAwaitHandler(), new SelfCancellingHandler(), healthy];
        var workflow = new DriftResponseWorkflow(handlers, audit, time, new DriftSeverityPolicy());
        var events = Stress.Pick(50, 2_000);

        await System.Threading.Tasks.Parallel.ForEachAsync(Enumerable.Range(0, events), new ParallelOptions
        {
            MaxDegreeOfParallelism = Concurrency.AuditLogConcurrencyTests.Writers,
            CancellationToken = TestContext.Current.CancellationToken,
        }, async (i, ct) =>
        {
            var result = await workflow.HandleAsync(new DriftEvent
            {
                SystemId = "credit-model", Kind = DriftEventKind.PredictionDrift, Subject = $"score-{i}", Psi = 0.5, Severity = Severity.High,
            }, ct);
            Assert.Equal([false, false, true], result.Outcomes.Select(o => o.Succeeded));
            Assert.StartsWith(nameof(TimeoutException), result.Outcomes[0].Error, StringComparison.Ordinal);
            Assert.StartsWith(nameof(TaskCanceledException), result.Outcomes[1].Error, StringComparison.Ordinal);
        });

        Assert.Equal(events, healthy.Calls);
        var records = audit.Snapshot();
        Assert.True(AuditChain.Verify(records).IsValid);
        Assert.Equal(events, records.Count(r => r.EventType == "monitoring.drift.event"));
        Assert.Equal(events * 3, records.Count(r => r.EventType == "monitoring.drift.action"));
    }

    [Fact]
    public async Task CallerCancellingMidDispatch_KeepsTheEventAudited()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero));
        var audit = new InMemoryAuditLog(time);
        using var cancel = new CancellationTokenSource();
        var after = new CountingHandler();
        IDriftResponseHandler[] handlers = [new CancellingCallerHandler(cancel), after];
        var workflow = new DriftResponseWorkflow(handlers, audit, time, new DriftSeverityPolicy());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await workflow.HandleAsync(new DriftEvent
        {
            SystemId = "credit-model", Kind = DriftEventKind.DataDrift, Subject = "age", Psi = 0.5, Severity = Severity.Critical,
        }, cancel.Token));

        // The caller asked to stop, so later handlers do not run — but the event itself was audited before any handler.
        Assert.Equal(0, after.Calls);
        Assert.Single(audit.Snapshot(), r => r.EventType == "monitoring.drift.event");
    }

    private sealed class FaultingAfterAwaitHandler : IDriftResponseHandler
    {
        public Severity MinimumSeverity => Severity.Low;

        public async ValueTask HandleAsync(DriftResponseContext context, CancellationToken cancellationToken)
        {
            await Task.Yield();
            throw new TimeoutException("ticketing system timed out");
        }
    }

    private sealed class SelfCancellingHandler : IDriftResponseHandler
    {
        public Severity MinimumSeverity => Severity.Low;

        public async ValueTask HandleAsync(DriftResponseContext context, CancellationToken cancellationToken)
        {
            // The handler's own timeout fires (not the caller's token): a failure of this handler, not a cancellation of the event.
            using var own = new CancellationTokenSource();
            await own.CancelAsync();
            await Task.Delay(Timeout.Infinite, own.Token);
        }
    }

    private sealed class CancellingCallerHandler(CancellationTokenSource caller) : IDriftResponseHandler
    {
        public Severity MinimumSeverity => Severity.Low;

        public async ValueTask HandleAsync(DriftResponseContext context, CancellationToken cancellationToken)
        {
            await caller.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private sealed class ThrowingHandler : IDriftResponseHandler
    {
        public Severity MinimumSeverity => Severity.Low;

        public ValueTask HandleAsync(DriftResponseContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("pager service unavailable " + Secret);
    }

    private sealed class CountingHandler : IDriftResponseHandler
    {
        private int _calls;

        public int Calls => _calls;

        public Severity MinimumSeverity => Severity.Low;

        public ValueTask HandleAsync(DriftResponseContext context, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return ValueTask.CompletedTask;
        }
    }
}
