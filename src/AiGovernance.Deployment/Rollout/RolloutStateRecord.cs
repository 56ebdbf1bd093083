namespace AiGovernance.Deployment.Rollout;

/// <summary>A rollout's state as persisted in an <see cref="IRolloutStateStore"/>.</summary>
/// <param name="RolloutName">The rollout's name (its key).</param>
/// <param name="State">The state.</param>
/// <param name="StageIndex">The current stage (−1 before the canary starts).</param>
/// <param name="TrafficFraction">The candidate's share of traffic.</param>
/// <param name="StageStartedAt">When the current stage or state began.</param>
/// <param name="Reason">Why the last transition happened.</param>
/// <param name="Version">1 for the first saved record, one more for every later save (optimistic concurrency).</param>
public sealed record RolloutStateRecord(
    string RolloutName,
    RolloutState State,
    int StageIndex,
    double TrafficFraction,
    DateTimeOffset StageStartedAt,
    string Reason,
    long Version);
