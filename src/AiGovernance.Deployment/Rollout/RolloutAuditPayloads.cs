namespace AiGovernance.Deployment.Rollout;

/// <summary>The payload of <see cref="DeploymentAuditEvents.RolloutTransition"/>.</summary>
internal sealed record RolloutTransitionAuditPayload(
    string Rollout,
    string From,
    string To,
    int FromStage,
    int ToStage,
    double TrafficFraction,
    string Reason,
    string? Decision);

/// <summary>The payload of <see cref="DeploymentAuditEvents.TrafficChangeFailed"/> and
/// <see cref="DeploymentAuditEvents.RollbackAttemptFailed"/>.</summary>
internal sealed record RolloutFailureAuditPayload(
    string Rollout,
    string State,
    int Attempt,
    int MaxAttempts,
    double TrafficFraction,
    string Error,
    bool TimedOut);
