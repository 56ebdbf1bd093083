namespace AiGovernance.Monitoring;

/// <summary>The audit event types the Monitoring package writes to the <see cref="Core.Audit.IAuditLog"/>.</summary>
/// <remarks>Both carry the system id on the event. A drift event's payload holds the kind, subject, severity, disposition,
/// previous severity, PSI, degradation, summary and response plan; an action's payload the event's sequence number, the
/// handler, the severity, whether it succeeded and the error.</remarks>
public static class MonitoringAuditEvents
{
    /// <summary>The drift response workflow received a drift event (dispatched, suppressed by the cool-down or escalated).</summary>
    public const string DriftEvent = "monitoring.drift.event";

    /// <summary>A drift response handler ran for an event.</summary>
    public const string DriftAction = "monitoring.drift.action";
}
