using AiGovernance.Deployment.Canary;

namespace AiGovernance.Deployment.Rollout;

/// <summary>What a rollout check sees.</summary>
/// <param name="RolloutName">The rollout.</param>
/// <param name="StageIndex">The stage being judged.</param>
/// <param name="Stage">The stage.</param>
/// <param name="Analysis">The canary analysis of the stage's traffic.</param>
public sealed record RolloutCheckContext(string RolloutName, int StageIndex, RolloutStage Stage, CanaryAnalysis Analysis);
