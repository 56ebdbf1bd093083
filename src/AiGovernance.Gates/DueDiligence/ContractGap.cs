namespace AiGovernance.Gates.DueDiligence;

/// <summary>A missing or weak provision in a vendor AI contract.</summary>
public enum ContractGap
{
    /// <summary>No performance guarantees (accuracy thresholds, latency, uptime, penalties).</summary>
    NoPerformanceGuarantees = 0,

    /// <summary>No advance notice of model updates.</summary>
    NoChangeNotice = 1,

    /// <summary>Change notice shorter than the minimum (30 days by default).</summary>
    ChangeNoticeTooShort = 2,

    /// <summary>No audit and transparency rights (model cards, independent validation).</summary>
    NoAuditRights = 3,

    /// <summary>No data ownership and portability in machine-readable formats.</summary>
    NoDataRights = 4,

    /// <summary>No exit rights (model export or API access after termination, transition assistance).</summary>
    NoExitRights = 5,
}
