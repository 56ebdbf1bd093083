namespace AiGovernance.Deployment.AspNetCore;

/// <summary>The audit event types the canary judge writes to the <see cref="Core.Audit.IAuditLog"/>.</summary>
/// <remarks>Every answer the judge gives a rollout controller is one event, written before the answer is sent (actor
/// <c>aigovernance-canary-judge</c>). The payload holds the controller (argo or flagger) and hook, the rollout, namespace
/// and revision (checksum), the caller's name, the decision and HTTP status sent, the request counts, error rates and
/// p-values, the sample ratio, and the reasons; for a failed metric read, the error instead of the analysis.</remarks>
public static class CanaryJudgeAuditEvents
{
    /// <summary>The judge answered a rollout controller.</summary>
    public const string Judged = "deployment.canary_judge.judged";
}
