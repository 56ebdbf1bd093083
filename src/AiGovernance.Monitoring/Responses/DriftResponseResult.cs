namespace AiGovernance.Monitoring.Responses;

/// <summary>What <see cref="DriftResponseWorkflow.HandleAsync"/> did with an event.</summary>
public sealed record DriftResponseResult
{
    /// <summary>The event.</summary>
    public required DriftEvent Event { get; init; }

    /// <summary>The recommended response.</summary>
    public DriftResponsePlan Plan { get; init; }

    /// <summary>Dispatched, escalated or suppressed.</summary>
    public DriftDisposition Disposition { get; init; }

    /// <summary>The severity last dispatched for the same system, kind and subject, or <see langword="null"/>.</summary>
    public Core.Severity? PreviousSeverity { get; init; }

    /// <summary>The audit-log sequence number of the event's record.</summary>
    public long AuditSequence { get; init; }

    /// <summary>One outcome per handler invoked, in registration order (empty when suppressed).</summary>
    public IReadOnlyList<DriftHandlerOutcome> Outcomes { get; init; } = [];

    /// <summary>Whether every invoked handler succeeded.</summary>
    public bool AllSucceeded
    {
        get
        {
            foreach (var outcome in Outcomes)
            {
                if (!outcome.Succeeded)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
