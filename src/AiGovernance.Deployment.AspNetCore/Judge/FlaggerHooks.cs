namespace AiGovernance.Deployment.AspNetCore.Judge;

/// <summary>The Flagger webhook types the judge answers (the last path segment).</summary>
internal static class FlaggerHooks
{
    public const string ConfirmRollout = "confirm-rollout";
    public const string ConfirmPromotion = "confirm-promotion";
    public const string Rollback = "rollback";
}
