using System.Data.Common;
using AiGovernance.Core.Audit;
using AiGovernance.Core.Reports;
using AiGovernance.Deployment.Rollout;
using AiGovernance.Gates.Approvals;
using AiGovernance.Gates.Inventory;
using AiGovernance.Oversight.Review;
using AiGovernance.Storage.Contract;
using AiGovernance.Storage.Sqlite.Stores;

namespace AiGovernance.Storage.Sqlite.Tests;

public sealed class SqliteAuditLogContractTests : SharedAuditLogContract
{
    private readonly SqliteTestDatabase _db = new();

    protected override ValueTask<IAuditLog> CreateAsync() => ValueTask.FromResult<IAuditLog>(new SqliteAuditLog(_db.Open(Time), Time));

    protected override ValueTask<IAuditLog> ReopenAsync() => CreateAsync();

    protected override ValueTask CleanupAsync()
    {
        _db.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed class SqliteNonceLedgerContractTests : NonceLedgerContract
{
    private readonly SqliteTestDatabase _db = new();

    protected override ValueTask<IApprovalNonceLedger> CreateAsync() =>
        ValueTask.FromResult<IApprovalNonceLedger>(new SqliteApprovalNonceLedger(_db.Open(Time), Time));

    protected override ValueTask CleanupAsync()
    {
        _db.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed class SqliteReviewLogContractTests : ReviewLogContract
{
    private readonly SqliteTestDatabase _db = new();

    protected override ValueTask<IReviewLog> CreateAsync() => ValueTask.FromResult<IReviewLog>(new SqliteReviewLog(_db.Open()));

    protected override ValueTask CleanupAsync()
    {
        _db.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed class SqliteInventoryContractTests : InventoryContract
{
    private readonly SqliteTestDatabase _db = new();

    protected override ValueTask<IAiInventory> CreateAsync() => ValueTask.FromResult<IAiInventory>(new SqliteAiInventory(_db.Open()));

    protected override ValueTask CleanupAsync()
    {
        _db.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed class SqliteRolloutStateStoreContractTests : RolloutStateStoreContract
{
    private readonly SqliteTestDatabase _db = new();

    protected override ValueTask<IRolloutStateStore> CreateAsync() =>
        ValueTask.FromResult<IRolloutStateStore>(new SqliteRolloutStateStore(_db.Open()));

    protected override ValueTask CleanupAsync()
    {
        _db.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed class SqliteReportStoreContractTests : ReportStoreContract
{
    private readonly SqliteTestDatabase _db = new();

    protected override ValueTask<(IGovernanceReportStore Store, IAuditLog Audit)> CreateAsync()
    {
        var database = _db.Open(ContractTime.Clock());
        var audit = new SqliteAuditLog(database, ContractTime.Clock());
        return ValueTask.FromResult<(IGovernanceReportStore, IAuditLog)>((new SqliteGovernanceReportStore(database, audit), audit));
    }

    protected override ValueTask CleanupAsync()
    {
        _db.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed class SqliteProcessTests : SqlStoreProcessContract
{
    private readonly SqliteTestDatabase _db = new();

    protected override string Provider => "sqlite";

    protected override string ConnectionString => _db.ConnectionString;

    protected override IAuditLog OpenAuditLog(TimeProvider time) => new SqliteAuditLog(_db.Open(time), time);

    protected override DbConnection OpenConnection() => _db.OpenRaw();

    protected override ValueTask CleanupAsync()
    {
        _db.Dispose();
        return ValueTask.CompletedTask;
    }
}
