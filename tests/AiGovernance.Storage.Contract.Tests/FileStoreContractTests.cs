using AiGovernance.Core.Audit;
using AiGovernance.Gates.Inventory;
using AiGovernance.Oversight.Review;
using AiGovernance.Storage.Contract;

namespace AiGovernance.Storage.Contract.Tests;

public sealed class FileAuditLogContractTests : AuditLogContract
{
    private readonly ContractTime.TempDirectory _directory = new();
    private FileAuditLog? _log;

    protected override ValueTask<IAuditLog> CreateAsync()
    {
        _log = new FileAuditLog(_directory.File("audit.jsonl"), Time);
        return ValueTask.FromResult<IAuditLog>(_log);
    }

    protected override ValueTask CleanupAsync()
    {
        _log?.Dispose();
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed class JsonLinesReviewLogContractTests : ReviewLogContract
{
    private readonly ContractTime.TempDirectory _directory = new();
    private JsonLinesReviewLog? _log;

    protected override ValueTask<IReviewLog> CreateAsync()
    {
        _log = new JsonLinesReviewLog(_directory.File("reviews.jsonl"));
        return ValueTask.FromResult<IReviewLog>(_log);
    }

    protected override ValueTask CleanupAsync()
    {
        _log?.Dispose();
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed class JsonFileInventoryContractTests : InventoryContract
{
    private readonly ContractTime.TempDirectory _directory = new();

    protected override ValueTask<IAiInventory> CreateAsync() =>
        ValueTask.FromResult<IAiInventory>(new JsonFileAiInventory(_directory.File("inventory.json")));

    protected override ValueTask CleanupAsync()
    {
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}
