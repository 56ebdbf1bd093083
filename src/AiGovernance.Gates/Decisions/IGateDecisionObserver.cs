namespace AiGovernance.Gates.Decisions;

/// <summary>Told about every gate decision after it is recorded in the audit log (for example to notify people).</summary>
/// <remarks>Register implementations in DI with <c>TryAddEnumerable</c>; the <see cref="GovernanceGate"/> calls each in turn.
/// An observer cannot change the decision or the audit record: an observer that throws is logged and counted
/// (<c>aigovernance.gates.observer_failures</c>), and one that has not finished within the gate's observer timeout is
/// cancelled and abandoned, so the gate returns at most one timeout per observer later. Work that may take long (delivery
/// with retries) belongs in the background.</remarks>
public interface IGateDecisionObserver
{
    /// <summary>Called once per decision, after it is recorded.</summary>
    /// <param name="decision">The recorded decision.</param>
    /// <param name="cancellationToken">Cancelled when the observer timeout elapses.</param>
    /// <returns>A task that completes when the observer is done.</returns>
    ValueTask OnDecidedAsync(GateDecision decision, CancellationToken cancellationToken);
}
