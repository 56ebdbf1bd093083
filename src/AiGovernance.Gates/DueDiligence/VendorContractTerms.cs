namespace AiGovernance.Gates.DueDiligence;

/// <summary>What a vendor AI contract provides, for the contract checklist.</summary>
public sealed record VendorContractTerms
{
    /// <summary>Whether the contract guarantees performance (accuracy thresholds, latency, uptime, penalties).</summary>
    public bool PerformanceGuarantees { get; init; }

    /// <summary>Days of advance notice before model updates; <see langword="null"/> when none is promised.</summary>
    public int? ChangeNoticeDays { get; init; }

    /// <summary>Whether the customer has audit and transparency rights.</summary>
    public bool AuditRights { get; init; }

    /// <summary>Whether data ownership and portability in machine-readable formats are granted.</summary>
    public bool DataRights { get; init; }

    /// <summary>Whether exit rights are granted (model export or API access after termination, transition assistance).</summary>
    public bool ExitRights { get; init; }
}
