namespace AiGovernance.Deployment.Rollout;

/// <summary>A rollout check's answer.</summary>
/// <param name="Outcome">Proceed, hold or roll back.</param>
/// <param name="Reason">Why, in words; it becomes the rollout's status reason and is audited.</param>
public readonly record struct RolloutCheckResult(RolloutCheckOutcome Outcome, string Reason)
{
    /// <summary>The stage may advance.</summary>
    /// <param name="reason">Why.</param>
    /// <returns>The result.</returns>
    public static RolloutCheckResult Proceed(string reason) => new(RolloutCheckOutcome.Proceed, reason);

    /// <summary>Keep the current traffic and ask again at the next evaluation.</summary>
    /// <param name="reason">Why.</param>
    /// <returns>The result.</returns>
    public static RolloutCheckResult Hold(string reason) => new(RolloutCheckOutcome.Hold, reason);

    /// <summary>Return all traffic to the baseline now.</summary>
    /// <param name="reason">Why.</param>
    /// <returns>The result.</returns>
    public static RolloutCheckResult RollBack(string reason) => new(RolloutCheckOutcome.RollBack, reason);
}
