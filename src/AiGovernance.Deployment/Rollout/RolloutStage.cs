namespace AiGovernance.Deployment.Rollout;

/// <summary>One step of a staged rollout.</summary>
/// <param name="TrafficFraction">The candidate's share of traffic in this stage, in (0, 1].</param>
/// <param name="MinDuration">How long the stage lasts at least before it may advance.</param>
/// <param name="MinRequestsPerVariant">How many requests each variant must serve in the stage before it may advance.</param>
public readonly record struct RolloutStage(double TrafficFraction, TimeSpan MinDuration, long MinRequestsPerVariant);
