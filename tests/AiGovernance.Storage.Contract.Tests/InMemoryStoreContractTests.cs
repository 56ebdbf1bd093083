using AiGovernance.Core.Audit;
using AiGovernance.Core.Reports;
using AiGovernance.Deployment.Rollout;
using AiGovernance.Gates.Approvals;
using AiGovernance.Gates.Inventory;
using AiGovernance.Oversight.Review;
using AiGovernance.Storage.Contract;

namespace AiGovernance.Storage.Contract.Tests;

public sealed class InMemoryAuditLogContractTests : AuditLogContract
{
    protected override ValueTask<IAuditLog> CreateAsync() => ValueTask.FromResult<IAuditLog>(new InMemoryAuditLog(Time));
}

public sealed class InMemoryNonceLedgerContractTests : NonceLedgerContract
{
    protected override ValueTask<IApprovalNonceLedger> CreateAsync() =>
        ValueTask.FromResult<IApprovalNonceLedger>(new InMemoryApprovalNonceLedger(Time));
}

public sealed class InMemoryReviewLogContractTests : ReviewLogContract
{
    protected override ValueTask<IReviewLog> CreateAsync() => ValueTask.FromResult<IReviewLog>(new InMemoryReviewLog());
}

public sealed class InMemoryInventoryContractTests : InventoryContract
{
    protected override ValueTask<IAiInventory> CreateAsync() => ValueTask.FromResult<IAiInventory>(new InMemoryAiInventory());
}

public sealed class InMemoryRolloutStateStoreContractTests : RolloutStateStoreContract
{
    protected override ValueTask<IRolloutStateStore> CreateAsync() => ValueTask.FromResult<IRolloutStateStore>(new InMemoryRolloutStateStore());
}

public sealed class InMemoryReportStoreContractTests : ReportStoreContract
{
    protected override ValueTask<(IGovernanceReportStore Store, IAuditLog Audit)> CreateAsync()
    {
        var audit = new InMemoryAuditLog(ContractTime.Clock());
        return ValueTask.FromResult<(IGovernanceReportStore, IAuditLog)>((new InMemoryGovernanceReportStore(audit), audit));
    }
}
