using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Monitoring.Responses;

/// <summary>How the <see cref="DriftResponseWorkflow"/> dispatches events.</summary>
public sealed class DriftResponseOptions
{
    /// <summary>After an event is dispatched, further events for the same system, kind and subject at the same or lower
    /// severity are suppressed (still audited) for this long; a higher severity escalates at once.</summary>
    /// <value>The default value is 12 hours. Must not be negative.</value>
    #pragma warning disable IL2026 // Only the generated validator reads the attribute; it parses the bounds without a TypeConverter.
    [Range(typeof(TimeSpan), MonitoringDefaults.ZeroDuration, MonitoringDefaults.MaxDuration)]
    #pragma warning restore IL2026
    public TimeSpan CoolDown { get; set; } = MonitoringDefaults.CoolDown;

    /// <summary>How long one handler may run: then its cancellation token is cancelled, the workflow stops waiting for it
    /// (a handler that ignores its token is abandoned, not awaited), records it as failed with a
    /// <see cref="TimeoutException"/> in the audit log and goes on with the next handler.</summary>
    /// <value>The default value is 5 minutes. Must be positive, or <see cref="Timeout.InfiniteTimeSpan"/> to wait for
    /// every handler however long it takes.</value>
    public TimeSpan HandlerTimeout { get; set; } = MonitoringDefaults.HandlerTimeout;

    /// <summary>The actor recorded in audit events.</summary>
    /// <value>The default value is "AiGovernance.Monitoring".</value>
    [Required]
    public string Actor { get; set; } = MonitoringDefaults.ResponseActor;
}
