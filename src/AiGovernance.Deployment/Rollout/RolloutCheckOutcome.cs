namespace AiGovernance.Deployment.Rollout;

/// <summary>What a <see cref="IRolloutCheck"/> decides about the current stage.</summary>
public enum RolloutCheckOutcome
{
    /// <summary>Keep the current traffic and ask again at the next evaluation; never a pass.</summary>
    Hold = 0,

    /// <summary>The stage may advance.</summary>
    Proceed = 1,

    /// <summary>Return all traffic to the baseline now.</summary>
    RollBack = 2,
}
