using AiGovernance.Core;
using AiGovernance.Gates.Inventory;
using AiGovernance.Shared;

namespace AiGovernance.Storage.Sqlite.Stores;

/// <summary>An <see cref="IAiInventory"/> in a SQLite database; the tier and overdue-review queries run as indexed SQL.</summary>
/// <remarks>Entries are ordered by system id in SQLite's binary collation (UTF-8 byte order).</remarks>
public sealed class SqliteAiInventory : IAiInventory
{
    private readonly RelationalAiInventory _inventory;

    /// <summary>Creates the inventory over <paramref name="database"/>.</summary>
    /// <param name="database">The database.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is null.</exception>
    public SqliteAiInventory(SqliteGovernanceDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _inventory = new RelationalAiInventory(database);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is null.</exception>
    /// <exception cref="SqliteStorageException">The database could not be written.</exception>
    public ValueTask UpsertAsync(AiInventoryEntry entry, CancellationToken cancellationToken = default) =>
        _inventory.UpsertAsync(entry, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="systemId"/> is empty.</exception>
    /// <exception cref="SqliteStorageException">The database could not be written.</exception>
    public ValueTask<bool> RemoveAsync(string systemId, CancellationToken cancellationToken = default) =>
        _inventory.RemoveAsync(systemId, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="systemId"/> is empty.</exception>
    /// <exception cref="SqliteStorageException">The database could not be read.</exception>
    public ValueTask<AiInventoryEntry?> FindAsync(string systemId, CancellationToken cancellationToken = default) =>
        _inventory.FindAsync(systemId, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="SqliteStorageException">The database could not be read.</exception>
    public ValueTask<IReadOnlyList<AiInventoryEntry>> GetAllAsync(CancellationToken cancellationToken = default) =>
        _inventory.GetAllAsync(cancellationToken);

    /// <inheritdoc />
    /// <exception cref="SqliteStorageException">The database could not be read.</exception>
    public ValueTask<IReadOnlyList<AiInventoryEntry>> FindByTierAsync(RiskTier tier, CancellationToken cancellationToken = default) =>
        _inventory.FindByTierAsync(tier, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="SqliteStorageException">The database could not be read.</exception>
    public ValueTask<IReadOnlyList<AiInventoryEntry>> FindReviewOverdueAsync(ReviewOverdueCutoffs cutoffs,
        CancellationToken cancellationToken = default) =>
        _inventory.FindReviewOverdueAsync(cutoffs, cancellationToken);
}
