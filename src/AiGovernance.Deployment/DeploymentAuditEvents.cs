namespace AiGovernance.Deployment;

/// <summary>The audit event types the Deployment package writes to the <see cref="Core.Audit.IAuditLog"/>.</summary>
/// <remarks>A transition's payload holds the rollout, the states and stages before and after, the traffic fraction, the
/// reason and the canary decision behind it (when there is one). A failure's payload holds the rollout, the state, the
/// attempt and the most attempts allowed, the traffic fraction, the exception type and whether the call timed out.</remarks>
public static class DeploymentAuditEvents
{
    /// <summary>A rollout changed state (advanced a stage, held, rolled back, completed).</summary>
    public const string RolloutTransition = "deployment.rollout.transition";

    /// <summary>Changing the candidate's traffic failed; the rollout stays where it was.</summary>
    public const string TrafficChangeFailed = "deployment.rollout.traffic_change_failed";

    /// <summary>One attempt to roll back failed (more attempts may follow).</summary>
    public const string RollbackAttemptFailed = "deployment.rollout.rollback_attempt_failed";
}
