namespace AiGovernance.Deployment.Rollout;

/// <summary>Where a rollout is.</summary>
public enum RolloutState
{
    /// <summary>The candidate runs in shadow only; it serves no traffic.</summary>
    Shadow = 0,

    /// <summary>The candidate serves the current stage's share of traffic.</summary>
    Canary = 1,

    /// <summary>Evaluation is suspended at the current traffic; <see cref="RolloutController.ResumeAsync"/> continues.</summary>
    Paused = 2,

    /// <summary>The candidate serves all traffic.</summary>
    Completed = 3,

    /// <summary>All traffic went back to the baseline. Final.</summary>
    RolledBack = 4,

    /// <summary>Every rollback attempt failed (the target threw or timed out): traffic may still reach the candidate and
    /// an operator must act. Never advances; each evaluation and <see cref="RolloutController.RollBackAsync"/> tries the
    /// rollback again.</summary>
    RollbackFailed = 5,
}
