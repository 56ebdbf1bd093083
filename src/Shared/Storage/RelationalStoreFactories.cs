using AiGovernance.Core.Audit;
using AiGovernance.Core.Reports;
using AiGovernance.Deployment.Rollout;
using AiGovernance.Gates.Approvals;
using AiGovernance.Gates.Inventory;
using AiGovernance.Oversight.Review;

namespace AiGovernance.Shared;

/// <summary>How one storage package builds its database and its six public store types.</summary>
/// <typeparam name="TDatabase">The package's governance database.</typeparam>
internal sealed record RelationalStoreFactories<TDatabase>(
    Func<IServiceProvider, TDatabase> Database,
    Func<TDatabase, TimeProvider, IAuditLog> AuditLog,
    Func<TDatabase, TimeProvider, IApprovalNonceLedger> NonceLedger,
    Func<TDatabase, IReviewLog> ReviewLog,
    Func<TDatabase, IAiInventory> Inventory,
    Func<TDatabase, IRolloutStateStore> RolloutState,
    Func<TDatabase, IAuditLog, IGovernanceReportStore> ReportHistory)
    where TDatabase : class;
