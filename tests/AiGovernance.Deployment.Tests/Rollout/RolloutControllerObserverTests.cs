using AiGovernance.Core.Audit;
using AiGovernance.Deployment.Recording;
using AiGovernance.Deployment.Rollout;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Deployment.Tests.Rollout;

public class RolloutControllerObserverTests
{
    private sealed class NullTarget : IDeploymentTarget
    {
        public ValueTask SetTrafficAsync(double candidateFraction, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask RollBackAsync(string reason, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    private sealed class RecordingObserver(InMemoryAuditLog audit) : IRolloutObserver
    {
        public List<(RolloutTransition Transition, int AuditRecords)> Calls { get; } = [];

        public ValueTask OnTransitionAsync(RolloutTransition transition, CancellationToken cancellationToken)
        {
            Calls.Add((transition, audit.Snapshot().Count));
            return ValueTask.CompletedTask;
        }
    }

    private sealed class ThrowingObserver : IRolloutObserver
    {
        public ValueTask OnTransitionAsync(RolloutTransition transition, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("webhook down");
    }

    private sealed class HangingObserver : IRolloutObserver
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask OnTransitionAsync(RolloutTransition transition, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await new TaskCompletionSource().Task; // ignores cancellation: never finishes
        }
    }

    private static readonly DateTimeOffset Start = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static RolloutController Controller(FakeTimeProvider time, InMemoryAuditLog audit, TestMeterFactory? meters,
        params IRolloutObserver[] observers) =>
        new(RolloutPlan.Create("fraud-v2", [.. RolloutPlan.DefaultFractions.Select(f => new RolloutStage(f, TimeSpan.FromHours(1), 1000))]),
            new NullTarget(), new CanaryRecorder(), audit, time, meterFactory: meters, observers: observers,
            resilience: new RolloutResilienceOptions { ObserverTimeout = TimeSpan.FromSeconds(3) });

    [Fact]
    public async Task Observer_IsToldEachTransitionAndTheRollbackAfterTheyAreAudited()
    {
        var time = new FakeTimeProvider(Start);
        var audit = new InMemoryAuditLog(time);
        var observer = new RecordingObserver(audit);
        await using var controller = Controller(time, audit, null, observer);

        await controller.StartCanaryAsync("shadow analysis passed", Ct);
        time.Advance(TimeSpan.FromMinutes(10));
        await controller.RollBackAsync("operator: latency complaints", Ct);

        Assert.Equal(2, observer.Calls.Count);
        var (canary, recordsAtCanary) = observer.Calls[0];
        Assert.Equal(("fraud-v2", RolloutState.Shadow, RolloutState.Canary, 0.05, Start),
            (canary.Rollout, canary.Previous.State, canary.Current.State, canary.Current.TrafficFraction, canary.OccurredAt));
        Assert.Equal(1, recordsAtCanary);
        var (rollback, recordsAtRollback) = observer.Calls[1];
        Assert.Equal((RolloutState.Canary, RolloutState.RolledBack, 0.0, "operator: latency complaints", Start.AddMinutes(10)),
            (rollback.Previous.State, rollback.Current.State, rollback.Current.TrafficFraction, rollback.Current.Reason, rollback.OccurredAt));
        Assert.Equal(2, recordsAtRollback);
    }

    [Fact]
    public async Task ThrowingObserver_ChangesNeitherTheTransitionNorItsAuditRecord_AndIsCounted()
    {
        var time = new FakeTimeProvider(Start);
        var audit = new InMemoryAuditLog(time);
        using var meters = new TestMeterFactory();
        var after = new RecordingObserver(audit);
        await using var controller = Controller(time, audit, meters, new ThrowingObserver(), after);

        var status = await controller.StartCanaryAsync("shadow analysis passed", Ct);

        Assert.Equal(RolloutState.Canary, status.State);
        Assert.Equal(RolloutState.Canary, controller.Status.State);
        var record = Assert.Single(audit.Snapshot());
        Assert.Equal(DeploymentAuditEvents.RolloutTransition, record.EventType);
        Assert.Equal("Canary", record.Payload!.Value.GetProperty("to").GetString());
        Assert.Single(after.Calls);
        Assert.Equal(1, meters.Total(
            "aigovernance.deployment.rollout.observer_failures|rollout=fraud-v2|observer=ThrowingObserver|failure=InvalidOperationException"));
    }

    [Fact]
    public async Task HangingObserver_IsAbandonedAfterTheObserverTimeout_AndTheControllerActsAgain()
    {
        var time = new FakeTimeProvider(Start);
        var audit = new InMemoryAuditLog(time);
        using var meters = new TestMeterFactory();
        var hanging = new HangingObserver();
        await using var controller = Controller(time, audit, meters, hanging);

        var start = controller.StartCanaryAsync("shadow analysis passed", Ct).AsTask();
        await hanging.Entered.Task;
        Assert.False(start.IsCompleted);
        await AdvanceUntilDoneAsync(time, start);
        Assert.Equal(RolloutState.Canary, (await start).State);

        var rollback = controller.RollBackAsync("operator", Ct).AsTask();
        await AdvanceUntilDoneAsync(time, rollback);
        Assert.Equal(RolloutState.RolledBack, (await rollback).State);
        Assert.Equal(2, audit.Snapshot().Count);
        Assert.Equal(2, meters.Total("aigovernance.deployment.rollout.observer_failures|rollout=fraud-v2|observer=HangingObserver|failure=timeout"));
    }

    /// <summary>Advances the fake clock by the observer timeout until <paramref name="task"/> ends: the controller starts the
    /// observer's timer just after the observer is entered, on a thread the test does not see.</summary>
    private static async Task AdvanceUntilDoneAsync(FakeTimeProvider time, Task task)
    {
        while (!task.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(3));
            await Task.WhenAny(task, Task.Delay(TimeSpan.FromMilliseconds(1), Ct));
        }
    }
}
