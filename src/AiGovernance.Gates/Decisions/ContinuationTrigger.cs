namespace AiGovernance.Gates.Decisions;

/// <summary>Events that bring a continuation review forward.</summary>
public enum ContinuationTrigger
{
    /// <summary>An incident involving the system.</summary>
    Incident = 0,

    /// <summary>A drift finding; triggers a review at or above the configured severity (critical by default).</summary>
    Drift = 1,

    /// <summary>A breach of a service-level agreement (for example a vendor's).</summary>
    SlaBreach = 2,
}
