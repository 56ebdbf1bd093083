namespace AiGovernance.Deployment.Rollout;

/// <summary>Who may act on a rollout until when: the lease that keeps two controllers on two replicas from both acting.</summary>
/// <param name="RolloutName">The rollout.</param>
/// <param name="HolderId">The controller instance that holds the lease.</param>
/// <param name="ExpiresAt">When the lease lapses unless renewed; afterwards any controller may take it.</param>
/// <param name="Epoch">Increases every time the lease passes to a different holder (a fencing token).</param>
public readonly record struct RolloutLease(string RolloutName, string HolderId, DateTimeOffset ExpiresAt, long Epoch);
