namespace AiGovernance.Dashboard;

/// <summary>The audit event types the dashboard writes to the <see cref="Core.Audit.IAuditLog"/>: its only state changes.</summary>
/// <remarks>The actor is the signed-in user's name (or <c>anonymous-local</c> under <see cref="DashboardPolicies.LocalRequestsOnly"/>
/// without authentication). Payloads are camel-case JSON from the package's source-generated context.</remarks>
public static class DashboardAuditEvents
{
    /// <summary>Someone ran "verify now": payload <c>valid</c>, <c>verifiedCount</c>, <c>failure</c>, <c>firstInvalidSequence</c>,
    /// <c>message</c>, <c>headSequence</c>, <c>headHash</c> and, when a signed checkpoint was checked, <c>checkpointSequence</c>
    /// and <c>checkpointSignatureValid</c>.</summary>
    public const string AuditVerified = "dashboard.audit.verified";

    /// <summary>Someone acknowledged an oversight warning: payload <c>reportId</c>, <c>warning</c> (its index in the report),
    /// <c>kind</c> and the reviewer's <c>note</c>. The system id is the warning's system.</summary>
    public const string WarningAcknowledged = "dashboard.warning.acknowledged";
}
