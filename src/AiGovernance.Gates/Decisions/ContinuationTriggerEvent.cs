using AiGovernance.Core;

namespace AiGovernance.Gates.Decisions;

/// <summary>An event that may bring a continuation review forward.</summary>
/// <param name="Trigger">What happened.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Severity">How severe it was; drift triggers a review only at the configured severity.</param>
/// <param name="Detail">A description for the audit trail.</param>
public readonly record struct ContinuationTriggerEvent(ContinuationTrigger Trigger, DateTimeOffset OccurredAt, Severity Severity,
    string? Detail = null);
