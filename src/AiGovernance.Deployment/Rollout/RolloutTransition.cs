namespace AiGovernance.Deployment.Rollout;

/// <summary>One recorded rollout transition, as told to an <see cref="IRolloutObserver"/>.</summary>
/// <param name="Rollout">The rollout's name (<see cref="RolloutPlan.Name"/>).</param>
/// <param name="Previous">The status before the transition.</param>
/// <param name="Current">The status after it.</param>
/// <param name="OccurredAt">When it was recorded, on the controller's <see cref="TimeProvider"/>.</param>
public sealed record RolloutTransition(string Rollout, RolloutStatus Previous, RolloutStatus Current, DateTimeOffset OccurredAt);
