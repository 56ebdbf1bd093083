namespace AiGovernance.Monitoring.Orleans;

/// <summary>The audit event types the package writes to the <see cref="Core.Audit.IAuditLog"/>.</summary>
/// <remarks>The payload of <see cref="WindowClosed"/> is the window (system, start, end), its row and partial counts, the
/// number of columns compared and drifted, the dataset-drift verdict, the largest PSI and the severity. The actor is
/// <c>aigovernance-drift-window</c>.</remarks>
public static class OrleansMonitoringAuditEvents
{
    /// <summary>A window grain closed its window and computed its drift report.</summary>
    public const string WindowClosed = "monitoring.orleans.window.closed";

    /// <summary>The actor of the package's audit records.</summary>
    public const string Actor = "aigovernance-drift-window";
}
