namespace AiGovernance.Oversight;

/// <summary>The audit event types the oversight package writes to the <see cref="Core.Audit.IAuditLog"/>.</summary>
/// <remarks>The payload of both is the completed review: case id, reviewer id, kind, the three timestamps, the reviewer's
/// initial decision and confidence, the AI's prediction and confidence, the final decision, the derived flags
/// (<c>disagreement</c>, <c>changedMind</c>, <c>changedTowardAi</c>, <c>override</c>) and <c>refusedSteps</c>, the number of
/// out-of-order steps the session refused. The actor is the reviewer.</remarks>
public static class OversightAuditEvents
{
    /// <summary>A routed case was reviewed under the independent-review protocol.</summary>
    public const string ReviewCompleted = "oversight.review.completed";

    /// <summary>An automated decision selected for audit was reviewed.</summary>
    public const string AuditCompleted = "oversight.audit.completed";
}
