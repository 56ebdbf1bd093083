namespace AiGovernance.Gates.Incidents;

/// <summary>The audit event types of serious-incident records; the audit log is where the records are kept.</summary>
public static class SeriousIncidentAuditEvents
{
    /// <summary>A signal raised a record.</summary>
    public const string Raised = "gates.incident.raised";

    /// <summary>A record was assessed: harms and awareness time set, deadline recomputed.</summary>
    public const string Assessed = "gates.incident.assessed";

    /// <summary>A report to an authority was recorded.</summary>
    public const string Reported = "gates.incident.reported";

    /// <summary>A record was assessed as not a serious incident.</summary>
    public const string Dismissed = "gates.incident.dismissed";
}
