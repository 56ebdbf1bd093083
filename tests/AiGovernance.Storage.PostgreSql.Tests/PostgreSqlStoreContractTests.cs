using System.Data.Common;
using AiGovernance.Core.Audit;
using AiGovernance.Core.Reports;
using AiGovernance.Deployment.Rollout;
using AiGovernance.Gates.Approvals;
using AiGovernance.Gates.Inventory;
using AiGovernance.Oversight.Review;
using AiGovernance.Storage.Contract;
using AiGovernance.Storage.PostgreSql.Stores;

namespace AiGovernance.Storage.PostgreSql.Tests;

public sealed class PostgreSqlAuditLogContractTests : SharedAuditLogContract
{
    private PostgresTestDatabase _db = null!;

    protected override async ValueTask PrepareAsync() => _db = await PostgresTestDatabase.CreateAsync();

    protected override ValueTask<IAuditLog> CreateAsync() => ValueTask.FromResult<IAuditLog>(new PostgreSqlAuditLog(_db.Open(Time), Time));

    protected override ValueTask<IAuditLog> ReopenAsync() => CreateAsync();

    protected override async ValueTask CleanupAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }
}

public sealed class PostgreSqlNonceLedgerContractTests : NonceLedgerContract
{
    private PostgresTestDatabase _db = null!;

    protected override async ValueTask PrepareAsync() => _db = await PostgresTestDatabase.CreateAsync();

    protected override ValueTask<IApprovalNonceLedger> CreateAsync() =>
        ValueTask.FromResult<IApprovalNonceLedger>(new PostgreSqlApprovalNonceLedger(_db.Open(Time), Time));

    protected override async ValueTask CleanupAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }
}

public sealed class PostgreSqlReviewLogContractTests : ReviewLogContract
{
    private PostgresTestDatabase _db = null!;

    protected override async ValueTask PrepareAsync() => _db = await PostgresTestDatabase.CreateAsync();

    protected override ValueTask<IReviewLog> CreateAsync() => ValueTask.FromResult<IReviewLog>(new PostgreSqlReviewLog(_db.Open()));

    protected override async ValueTask CleanupAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }
}

public sealed class PostgreSqlInventoryContractTests : InventoryContract
{
    private PostgresTestDatabase _db = null!;

    protected override async ValueTask PrepareAsync() => _db = await PostgresTestDatabase.CreateAsync();

    protected override ValueTask<IAiInventory> CreateAsync() => ValueTask.FromResult<IAiInventory>(new PostgreSqlAiInventory(_db.Open()));

    protected override async ValueTask CleanupAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }
}

public sealed class PostgreSqlRolloutStateStoreContractTests : RolloutStateStoreContract
{
    private PostgresTestDatabase _db = null!;

    protected override async ValueTask PrepareAsync() => _db = await PostgresTestDatabase.CreateAsync();

    protected override ValueTask<IRolloutStateStore> CreateAsync() =>
        ValueTask.FromResult<IRolloutStateStore>(new PostgreSqlRolloutStateStore(_db.Open()));

    protected override async ValueTask CleanupAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }
}

public sealed class PostgreSqlReportStoreContractTests : ReportStoreContract
{
    private PostgresTestDatabase _db = null!;

    protected override async ValueTask PrepareAsync() => _db = await PostgresTestDatabase.CreateAsync();

    protected override ValueTask<(IGovernanceReportStore Store, IAuditLog Audit)> CreateAsync()
    {
        var database = _db.Open(ContractTime.Clock());
        var audit = new PostgreSqlAuditLog(database, ContractTime.Clock());
        return ValueTask.FromResult<(IGovernanceReportStore, IAuditLog)>((new PostgreSqlGovernanceReportStore(database, audit), audit));
    }

    protected override async ValueTask CleanupAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }
}

public sealed class PostgreSqlProcessTests : SqlStoreProcessContract
{
    private PostgresTestDatabase _db = null!;

    protected override async ValueTask PrepareAsync() => _db = await PostgresTestDatabase.CreateAsync();

    protected override string Provider => "postgresql";

    protected override string ConnectionString => _db.ConnectionString;

    protected override IAuditLog OpenAuditLog(TimeProvider time) => new PostgreSqlAuditLog(_db.Open(time), time);

    protected override DbConnection OpenConnection() => _db.OpenRaw();

    protected override async ValueTask CleanupAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }
}
