namespace AiGovernance.Core;

/// <summary>The severity of an event such as a drift finding, an incident or a vendor SLA breach.</summary>
public enum Severity
{
    /// <summary>Informational; no action required beyond monitoring.</summary>
    Low = 0,

    /// <summary>Worth attention; investigate within the normal cadence.</summary>
    Medium = 1,

    /// <summary>Requires prompt action such as human review or retraining.</summary>
    High = 2,

    /// <summary>Requires immediate action such as rollback.</summary>
    Critical = 3,
}
