using AiGovernance.Core;
using AiGovernance.Gates.Decisions;

namespace AiGovernance.Gates.Tests.Decisions;

public class GovernanceGateObserverTests
{
    private sealed class RecordingObserver(ApprovalFixture fixture) : IGateDecisionObserver
    {
        public List<(GateDecision Decision, int AuditRecords)> Calls { get; } = [];

        public ValueTask OnDecidedAsync(GateDecision decision, CancellationToken cancellationToken)
        {
            Calls.Add((decision, fixture.Audit.Snapshot().Count));
            return ValueTask.CompletedTask;
        }
    }

    private sealed class ThrowingObserver : IGateDecisionObserver
    {
        public ValueTask OnDecidedAsync(GateDecision decision, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("webhook down");
    }

    private sealed class HangingObserver : IGateDecisionObserver
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationToken Token { get; private set; }

        public async ValueTask OnDecidedAsync(GateDecision decision, CancellationToken cancellationToken)
        {
            Token = cancellationToken;
            Entered.SetResult();
            await new TaskCompletionSource().Task; // ignores cancellation: never finishes
        }
    }

    [Fact]
    public async Task Observer_IsToldTheDecisionAfterItIsAudited()
    {
        using var f = new ApprovalFixture();
        var observer = new RecordingObserver(f);
        var gate = new GovernanceGate(f.Policy, f.Verifier, f.Audit, f.Clock, observers: [observer]);

        var decision = await gate.EvaluateAsync(f.Request([]), TestContext.Current.CancellationToken);

        var call = Assert.Single(observer.Calls);
        Assert.Same(decision, call.Decision);
        Assert.Equal(1, call.AuditRecords);
    }

    [Fact]
    public async Task ThrowingObserver_ChangesNeitherTheAllowingDecisionNorItsAuditRecord_AndIsCounted()
    {
        using var f = new ApprovalFixture();
        using var meters = new TestMeterFactory();
        var after = new RecordingObserver(f);
        var gate = new GovernanceGate(f.Policy, f.Verifier, f.Audit, f.Clock, meterFactory: meters, observers: [new ThrowingObserver(), after]);

        var decision = await gate.EnforceAsync(f.Request(await f.HighRiskSetAsync()), TestContext.Current.CancellationToken);

        Assert.True(decision.IsAllowed);
        Assert.Equal(5, decision.AcceptedApprovals.Count);
        var record = Assert.Single(f.Audit.Snapshot());
        Assert.Equal("gate.deployment.decided", record.EventType);
        Assert.True(record.Payload!.Value.GetProperty("allowed").GetBoolean());
        Assert.Same(decision, Assert.Single(after.Calls).Decision);
        Assert.Equal(1, meters.Total("aigovernance.gates.observer_failures|observer=ThrowingObserver|failure=InvalidOperationException"));
    }

    [Fact]
    public async Task ThrowingObserver_LeavesABlockingDecisionBlocked()
    {
        using var f = new ApprovalFixture();
        var gate = new GovernanceGate(f.Policy, f.Verifier, f.Audit, f.Clock, observers: [new ThrowingObserver()]);

        var blocked = await Assert.ThrowsAsync<DeploymentBlockedException>(
            async () => await gate.EnforceAsync(f.Request([], RiskTier.Medium), TestContext.Current.CancellationToken));

        Assert.False(blocked.Decision!.IsAllowed);
        Assert.False(Assert.Single(f.Audit.Snapshot()).Payload!.Value.GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task HangingObserver_IsCancelledAndAbandonedAfterTheObserverTimeout()
    {
        using var f = new ApprovalFixture();
        using var meters = new TestMeterFactory();
        var hanging = new HangingObserver();
        var gate = new GovernanceGate(f.Policy, f.Verifier, f.Audit, f.Clock, meterFactory: meters, observers: [hanging],
            observerTimeout: TimeSpan.FromSeconds(2));

        var evaluation = gate.EvaluateAsync(f.Request([]), TestContext.Current.CancellationToken).AsTask();
        await hanging.Entered.Task;
        Assert.False(evaluation.IsCompleted);
        while (!evaluation.IsCompleted)
        {
            // The gate starts the observer's timer just after the observer is entered, on a thread the test does not see.
            f.Clock.Advance(TimeSpan.FromSeconds(2));
            await Task.WhenAny(evaluation, Task.Delay(TimeSpan.FromMilliseconds(1), TestContext.Current.CancellationToken));
        }

        var decision = await evaluation;

        Assert.False(decision.IsAllowed);
        Assert.True(hanging.Token.IsCancellationRequested);
        Assert.Single(f.Audit.Snapshot());
        Assert.Equal(1, meters.Total("aigovernance.gates.observer_failures|observer=HangingObserver|failure=timeout"));
    }

    [Fact]
    public void NonPositiveObserverTimeout_IsRefused()
    {
        using var f = new ApprovalFixture();

        Assert.Throws<ArgumentOutOfRangeException>(() => new GovernanceGate(f.Policy, f.Verifier, f.Audit, f.Clock, observerTimeout: TimeSpan.Zero));
    }
}
