namespace AiGovernance.Monitoring.Responses;

/// <summary>What a handler receives for one dispatched event.</summary>
public sealed record DriftResponseContext
{
    /// <summary>The event.</summary>
    public required DriftEvent Event { get; init; }

    /// <summary>The recommended response; its <see cref="DriftResponsePlan.Severity"/> is the event's severity.</summary>
    public DriftResponsePlan Plan { get; init; }

    /// <summary><see cref="DriftDisposition.Dispatched"/> or <see cref="DriftDisposition.Escalated"/>.</summary>
    public DriftDisposition Disposition { get; init; }

    /// <summary>The severity last dispatched for the same system, kind and subject, or <see langword="null"/>.</summary>
    public Core.Severity? PreviousSeverity { get; init; }

    /// <summary>When the workflow received the event.</summary>
    public DateTimeOffset DetectedAt { get; init; }

    /// <summary>The audit-log sequence number of the event's record, so actions can refer to it.</summary>
    public long AuditSequence { get; init; }
}
