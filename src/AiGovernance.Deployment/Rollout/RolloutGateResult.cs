using AiGovernance.Deployment.Canary;

namespace AiGovernance.Deployment.Rollout;

/// <summary>A gate's verdict.</summary>
/// <param name="Decision">Proceed, roll back, or wait (hold / monitor).</param>
/// <param name="Reason">Why, in words.</param>
public readonly record struct RolloutGateResult(CanaryDecision Decision, string Reason);
