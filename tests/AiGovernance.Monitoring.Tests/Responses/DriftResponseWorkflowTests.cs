using System.Text.Json;
using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Monitoring.Responses;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Monitoring.Tests.Responses;

public class DriftResponseWorkflowTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly InMemoryAuditLog _audit;

    public DriftResponseWorkflowTests() => _audit = new InMemoryAuditLog(_time);

    internal sealed class RecordingHandler(Severity minimum) : IDriftResponseHandler
    {
        public List<DriftResponseContext> Received { get; } = [];

        public Severity MinimumSeverity => minimum;

        public ValueTask HandleAsync(DriftResponseContext context, CancellationToken cancellationToken)
        {
            Received.Add(context);
            return ValueTask.CompletedTask;
        }
    }

    internal sealed class FailingHandler : IDriftResponseHandler
    {
        public int Calls { get; private set; }

        public Severity MinimumSeverity => Severity.Low;

        public ValueTask HandleAsync(DriftResponseContext context, CancellationToken cancellationToken)
        {
            Calls++;
            throw new InvalidOperationException("pager service down");
        }
    }

    private DriftResponseWorkflow Create(params IDriftResponseHandler[] handlers) =>
        new(handlers, _audit, _time, new DriftSeverityPolicy(), new DriftResponseOptions { CoolDown = TimeSpan.FromHours(6) });

    private static DriftEvent Event(double psi, double degradation = 0, string subject = "income") =>
        new() { SystemId = "credit-scoring", Kind = DriftEventKind.DataDrift, Subject = subject, Psi = psi, Degradation = degradation, Summary = "test" };

    [Fact]
    public async Task HandleAsync_DispatchesBySeverity()
    {
        var all = new RecordingHandler(Severity.Low);
        var highOnly = new RecordingHandler(Severity.High);
        var workflow = Create(all, highOnly);

        var result = await workflow.HandleAsync(Event(0.15), TestContext.Current.CancellationToken);

        Assert.Equal(DriftDisposition.Dispatched, result.Disposition);
        Assert.Equal(Severity.Medium, result.Plan.Severity);
        Assert.Single(all.Received);
        Assert.Empty(highOnly.Received);
        Assert.Equal(RetrainingPriority.Normal, all.Received[0].Plan.Retraining);
    }

    [Fact]
    public async Task HandleAsync_RepeatWithinCoolDown_SuppressedButAudited()
    {
        var handler = new RecordingHandler(Severity.Low);
        var workflow = Create(handler);
        var ct = TestContext.Current.CancellationToken;

        await workflow.HandleAsync(Event(0.25), ct);
        _time.Advance(TimeSpan.FromHours(5.99));
        var repeat = await workflow.HandleAsync(Event(0.22), ct);
        var lower = await workflow.HandleAsync(Event(0.12), ct);

        Assert.Equal(DriftDisposition.Suppressed, repeat.Disposition);
        Assert.Equal(DriftDisposition.Suppressed, lower.Disposition);
        Assert.Empty(repeat.Outcomes);
        Assert.Single(handler.Received);
        var events = _audit.Snapshot().Where(r => r.EventType == "monitoring.drift.event").ToArray();
        Assert.Equal(3, events.Length);
        Assert.Equal("Suppressed", events[2].Payload!.Value.GetProperty("disposition").GetString());
    }

    [Fact]
    public async Task HandleAsync_AfterCoolDown_DispatchedAgain()
    {
        var handler = new RecordingHandler(Severity.Low);
        var workflow = Create(handler);
        var ct = TestContext.Current.CancellationToken;

        await workflow.HandleAsync(Event(0.25), ct);
        _time.Advance(TimeSpan.FromHours(6));
        var again = await workflow.HandleAsync(Event(0.25), ct);

        Assert.Equal(DriftDisposition.Dispatched, again.Disposition);
        Assert.Equal(Severity.High, again.PreviousSeverity);
        Assert.Equal(2, handler.Received.Count);
    }

    [Fact]
    public async Task HandleAsync_SeverityRisesWithinCoolDown_Escalates_ThenCoolDownRestarts()
    {
        var handler = new RecordingHandler(Severity.Low);
        var workflow = Create(handler);
        var ct = TestContext.Current.CancellationToken;

        await workflow.HandleAsync(Event(0.15), ct);
        _time.Advance(TimeSpan.FromHours(1));
        var escalated = await workflow.HandleAsync(Event(0.35, degradation: 0.2), ct);
        _time.Advance(TimeSpan.FromHours(1));
        var repeat = await workflow.HandleAsync(Event(0.35), ct);

        Assert.Equal(DriftDisposition.Escalated, escalated.Disposition);
        Assert.Equal(Severity.Medium, escalated.PreviousSeverity);
        Assert.True(escalated.Plan.Rollback);
        Assert.True(escalated.Plan.HumanReview);
        Assert.Equal(DriftDisposition.Escalated, handler.Received[1].Disposition);
        Assert.Equal(DriftDisposition.Suppressed, repeat.Disposition);
    }

    [Fact]
    public async Task HandleAsync_DifferentSubjects_HaveSeparateCoolDowns()
    {
        var handler = new RecordingHandler(Severity.Low);
        var workflow = Create(handler);
        var ct = TestContext.Current.CancellationToken;

        await workflow.HandleAsync(Event(0.25, subject: "income"), ct);
        var other = await workflow.HandleAsync(Event(0.25, subject: "age"), ct);

        Assert.Equal(DriftDisposition.Dispatched, other.Disposition);
        Assert.Equal(2, handler.Received.Count);
    }

    [Fact]
    public async Task HandleAsync_FailingHandler_DoesNotStopOthersNorLoseEvent()
    {
        var before = new RecordingHandler(Severity.Low);
        var failing = new FailingHandler();
        var after = new RecordingHandler(Severity.Low);
        var workflow = Create(before, failing, after);

        var result = await workflow.HandleAsync(Event(0.5), TestContext.Current.CancellationToken);

        Assert.Single(before.Received);
        Assert.Equal(1, failing.Calls);
        Assert.Single(after.Received);
        Assert.False(result.AllSucceeded);
        Assert.Equal(new DriftHandlerOutcome(nameof(FailingHandler), false, "InvalidOperationException: pager service down"), result.Outcomes[1]);

        var records = _audit.Snapshot();
        Assert.Equal(["monitoring.drift.event", "monitoring.drift.action", "monitoring.drift.action", "monitoring.drift.action"], records.Select(r => r.EventType));
        var failedAction = records[2].Payload!.Value;
        Assert.False(failedAction.GetProperty("succeeded").GetBoolean());
        Assert.Equal(result.AuditSequence, failedAction.GetProperty("eventSequence").GetInt64());
        Assert.Equal("Critical", records[0].Payload!.Value.GetProperty("severity").GetString());
        Assert.True((await _audit.VerifyAsync(TestContext.Current.CancellationToken)).IsValid);
    }

    [Fact]
    public async Task HandleAsync_ExplicitSeverity_OverridesClassification()
    {
        var handler = new RecordingHandler(Severity.High);
        var workflow = Create(handler);
        var fairness = new DriftEvent { SystemId = "hiring", Kind = DriftEventKind.Fairness, Severity = Severity.High, Summary = "parity gap 0.12" };

        var result = await workflow.HandleAsync(fairness, TestContext.Current.CancellationToken);

        Assert.Equal(Severity.High, result.Plan.Severity);
        Assert.Single(handler.Received);
    }

    [Fact]
    public async Task HandleAsync_MinimumSeverity_RaisesALowClassification()
    {
        var handler = new RecordingHandler(Severity.Medium);
        var workflow = Create(handler);
        var gap = new DriftEvent { SystemId = "credit-scoring", Kind = DriftEventKind.EstimationGap, Degradation = 0.01, MinimumSeverity = Severity.Medium, Summary = "gap" };

        var result = await workflow.HandleAsync(gap, TestContext.Current.CancellationToken);

        Assert.Equal(Severity.Medium, result.Plan.Severity);
        Assert.Single(handler.Received);
        Assert.Equal("EstimationGap", _audit.Snapshot()[0].Payload!.Value.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task HandleAsync_MinimumSeverity_DoesNotLowerAHigherClassification()
    {
        var workflow = Create();
        var gap = new DriftEvent { SystemId = "credit-scoring", Kind = DriftEventKind.EstimationGap, Degradation = 0.2, MinimumSeverity = Severity.Medium, Summary = "gap" };
        Assert.Equal(Severity.Critical, (await workflow.HandleAsync(gap, TestContext.Current.CancellationToken)).Plan.Severity);
    }

    [Fact]
    public async Task HandleAsync_NaNPsi_NamesArgument()
    {
        var workflow = Create();
        var ex = await Assert.ThrowsAsync<ArgumentException>(async () => await workflow.HandleAsync(Event(double.NaN), TestContext.Current.CancellationToken));
        Assert.Equal("driftEvent", ex.ParamName);
    }

    [Fact]
    public async Task HandleAsync_ConcurrentRepeats_DispatchExactlyOnce()
    {
        var handler = new CountingHandler();
        var workflow = Create(handler);
        await Parallel.ForEachAsync(Enumerable.Range(0, 64), TestContext.Current.CancellationToken, async (_, ct) => await workflow.HandleAsync(Event(0.25), ct));
        Assert.Equal(1, handler.Count);
        Assert.Equal(64, _audit.Snapshot().Count(r => r.EventType == "monitoring.drift.event"));
    }

    internal sealed class CountingHandler : IDriftResponseHandler
    {
        private int _count;

        public int Count => _count;

        public Severity MinimumSeverity => Severity.Low;

        public ValueTask HandleAsync(DriftResponseContext context, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Waits for its token; <see cref="Started"/> completes once it runs.</summary>
    internal sealed class HangingHandler(bool honoursToken) : IDriftResponseHandler
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => _started.Task;

        public bool SawCancellation { get; private set; }

        public Severity MinimumSeverity => Severity.Low;

        public async ValueTask HandleAsync(DriftResponseContext context, CancellationToken cancellationToken)
        {
            cancellationToken.Register(() => SawCancellation = true);
            _started.TrySetResult();
            if (honoursToken)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }
            else
            {
                await new TaskCompletionSource().Task; // never completes, ignores the token
            }
        }
    }

    private DriftResponseWorkflow CreateTimed(TimeSpan timeout, params IDriftResponseHandler[] handlers) =>
        new(handlers, _audit, _time, new DriftSeverityPolicy(), new DriftResponseOptions { CoolDown = TimeSpan.FromHours(6), HandlerTimeout = timeout });

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task HandleAsync_HandlerRunsPastTheTimeout_RecordedAsFailed_NextHandlerStillRuns(bool honoursToken)
    {
        var hanging = new HangingHandler(honoursToken);
        var next = new RecordingHandler(Severity.Low);
        var workflow = CreateTimed(TimeSpan.FromMinutes(2), hanging, next);

        var pending = workflow.HandleAsync(Event(0.3), TestContext.Current.CancellationToken).AsTask();
        await hanging.Started.WaitAsync(TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromSeconds(119));
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.False(pending.IsCompleted, "still within the timeout");
        Assert.Empty(next.Received);

        _time.Advance(TimeSpan.FromSeconds(1));
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.True(hanging.SawCancellation, "the handler's token is cancelled at the timeout");
        Assert.Single(next.Received);
        var outcome = result.Outcomes[0];
        Assert.False(outcome.Succeeded);
        Assert.StartsWith("TimeoutException: The handler did not finish within 00:02:00", outcome.Error, StringComparison.Ordinal);
        Assert.True(result.Outcomes[1].Succeeded);
        var actions = _audit.Snapshot().Where(r => r.EventType == "monitoring.drift.action").ToList();
        Assert.Equal(2, actions.Count);
        Assert.False(actions[0].Payload!.Value.GetProperty("succeeded").GetBoolean());
    }

    [Fact]
    public async Task HandleAsync_InfiniteTimeout_WaitsForTheHandler()
    {
        var hanging = new HangingHandler(honoursToken: true);
        var workflow = CreateTimed(Timeout.InfiniteTimeSpan, hanging);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var pending = workflow.HandleAsync(Event(0.3), cancel.Token).AsTask();
        await hanging.Started.WaitAsync(TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromDays(365));
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.False(pending.IsCompleted);

        // The caller's cancellation still ends the dispatch, as an OperationCanceledException.
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }

    [Fact]
    public async Task HandleAsync_HandlerThrowsItsOwnTimeoutException_IsAnOrdinaryFailure()
    {
        var workflow = CreateTimed(TimeSpan.FromMinutes(2), new ThrowingTimeoutHandler());
        var result = await workflow.HandleAsync(Event(0.3), TestContext.Current.CancellationToken);
        Assert.Equal("TimeoutException: upstream took too long", result.Outcomes[0].Error);
    }

    internal sealed class ThrowingTimeoutHandler : IDriftResponseHandler
    {
        public Severity MinimumSeverity => Severity.Low;

        public ValueTask HandleAsync(DriftResponseContext context, CancellationToken cancellationToken) =>
            throw new TimeoutException("upstream took too long");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1000)]
    public void Constructor_HandlerTimeoutNotPositive_Throws(int milliseconds)
    {
        var ex = Assert.Throws<ArgumentException>(() => CreateTimed(TimeSpan.FromMilliseconds(milliseconds)));
        Assert.Equal("options", ex.ParamName);
    }
}
