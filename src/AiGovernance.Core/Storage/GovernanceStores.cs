namespace AiGovernance.Core.Storage;

/// <summary>The durable stores a storage package can provide; combine them to choose which ones it registers.</summary>
[Flags]
public enum GovernanceStores
{
    /// <summary>No store.</summary>
    None = 0,

    /// <summary>The hash-chained audit log (<c>IAuditLog</c>).</summary>
    AuditLog = 1,

    /// <summary>The approval nonce ledger (<c>IApprovalNonceLedger</c>).</summary>
    NonceLedger = 2,

    /// <summary>The review log (<c>IReviewLog</c>).</summary>
    ReviewLog = 4,

    /// <summary>The AI inventory (<c>IAiInventory</c>).</summary>
    Inventory = 8,

    /// <summary>Rollout state and leases (<c>IRolloutStateStore</c>).</summary>
    RolloutState = 16,

    /// <summary>Report history (<c>IGovernanceReportStore</c>).</summary>
    ReportHistory = 32,

    /// <summary>Every store.</summary>
    All = AuditLog | NonceLedger | ReviewLog | Inventory | RolloutState | ReportHistory,
}
