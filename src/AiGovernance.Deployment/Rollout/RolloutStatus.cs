using AiGovernance.Deployment.Canary;

namespace AiGovernance.Deployment.Rollout;

/// <summary>A rollout's state at one moment.</summary>
/// <param name="State">The state.</param>
/// <param name="StageIndex">The current stage (−1 before the canary starts).</param>
/// <param name="TrafficFraction">The candidate's share of traffic.</param>
/// <param name="StageStartedAt">When the current stage or state began.</param>
/// <param name="Reason">Why the last transition or evaluation ended as it did.</param>
/// <param name="LastAnalysis">The last canary analysis, if any.</param>
public sealed record RolloutStatus(
    RolloutState State,
    int StageIndex,
    double TrafficFraction,
    DateTimeOffset StageStartedAt,
    string Reason,
    CanaryAnalysis? LastAnalysis);
