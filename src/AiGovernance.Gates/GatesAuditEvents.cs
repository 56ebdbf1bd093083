namespace AiGovernance.Gates;

/// <summary>The audit event types the Gates package writes to the <see cref="Core.Audit.IAuditLog"/>.</summary>
/// <remarks>Gate decisions carry the system id and artifact digest on the event and the gate, environment, tier, policy
/// version, outcome, missing/invalid/rejected/accepted approvals and reasons in the payload. Lifecycle events carry the
/// phase, the evidence and the outcome; milestone events the milestone and, for attempts, the evaluation; incident events
/// the incident id and the change.</remarks>
public static class GatesAuditEvents
{
    /// <summary>The use-case gate decided (may we build this?).</summary>
    public const string UseCaseGateDecided = "gate.use-case.decided";

    /// <summary>The deployment gate decided (may we ship this artifact to this environment?).</summary>
    public const string DeploymentGateDecided = "gate.deployment.decided";

    /// <summary>The continuation gate decided (may we keep running this?).</summary>
    public const string ContinuationGateDecided = "gate.continuation.decided";

    /// <summary>Evidence was recorded for a lifecycle phase.</summary>
    public const string LifecycleEvidenceRecorded = "lifecycle.evidence.recorded";

    /// <summary>A system advanced to the next lifecycle phase.</summary>
    public const string LifecycleAdvanced = "lifecycle.advanced";

    /// <summary>An advance was refused (outputs missing).</summary>
    public const string LifecycleAdvanceRefused = "lifecycle.advance.refused";

    /// <summary>A system was sent back to an earlier phase for rework.</summary>
    public const string LifecycleRework = "lifecycle.rework";

    /// <summary>A rework was refused.</summary>
    public const string LifecycleReworkRefused = "lifecycle.rework.refused";

    /// <summary>An adaptive milestone was evaluated by a performance gate.</summary>
    public const string MilestoneAttempt = "milestone.attempt";

    /// <summary>A fixed milestone was marked satisfied.</summary>
    public const string MilestoneSatisfied = "milestone.satisfied";

    /// <summary>A signal raised a serious-incident record (EU AI Act Art. 73; the audit log is where the records are kept).</summary>
    public const string IncidentRaised = "gates.incident.raised";

    /// <summary>A serious-incident record was assessed: harms and awareness time set, deadline recomputed.</summary>
    public const string IncidentAssessed = "gates.incident.assessed";

    /// <summary>A report of a serious incident to an authority was recorded.</summary>
    public const string IncidentReported = "gates.incident.reported";

    /// <summary>A record was assessed as not a serious incident.</summary>
    public const string IncidentDismissed = "gates.incident.dismissed";

    /// <summary>The event type of a decision of <paramref name="gate"/>.</summary>
    internal static string GateDecided(GateKind gate) => gate switch
    {
        GateKind.UseCase => UseCaseGateDecided,
        GateKind.Deployment => DeploymentGateDecided,
        GateKind.Continuation => ContinuationGateDecided,
        _ => throw new ArgumentOutOfRangeException(nameof(gate), gate, "Unknown gate."),
    };
}
