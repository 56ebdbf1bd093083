namespace AiGovernance.Deployment.Rollout;

/// <summary>Told about every rollout transition (stage entered, paused, resumed, completed, rolled back, rollback failed)
/// after it is saved and recorded in the audit log (for example to notify people).</summary>
/// <remarks>Register implementations in DI with <c>TryAddEnumerable</c>; the <see cref="RolloutController"/> calls each in
/// turn while it holds its lock. An observer cannot change the transition or its audit record: one that throws is logged and
/// counted (<c>aigovernance.deployment.rollout.observer_failures</c>), and one that has not finished within
/// <see cref="RolloutResilienceOptions.ObserverTimeout"/> is cancelled and abandoned. Work that may take long (delivery
/// with retries) belongs in the background.</remarks>
public interface IRolloutObserver
{
    /// <summary>Called once per transition, after it is recorded.</summary>
    /// <param name="transition">The rollout, its status before and after, and when.</param>
    /// <param name="cancellationToken">Cancelled when the observer timeout elapses.</param>
    /// <returns>A task that completes when the observer is done.</returns>
    ValueTask OnTransitionAsync(RolloutTransition transition, CancellationToken cancellationToken);
}
