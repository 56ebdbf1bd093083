using AiGovernance.Core;
using AiGovernance.Gates.Inventory;
using AiGovernance.Shared;
using Microsoft.Data.Sqlite;

namespace AiGovernance.Storage.Sqlite.Stores;

/// <summary>An <see cref="IAiInventory"/> in a SQLite database; the tier and overdue-review queries run as indexed SQL.</summary>
/// <remarks>Entries are ordered by system id in SQLite's binary collation (UTF-8 byte order).</remarks>
public sealed class SqliteAiInventory : IAiInventory
{
    private const string Columns = """
        system_id, name, business_owner, technical_owner, operations_owner, tier, vendor, product, component, vendor_discloses_ai,
        last_reviewed_at_ticks, last_reviewed_at_offset
        """;

    private readonly SqliteGovernanceDatabase _database;

    /// <summary>Creates the inventory over <paramref name="database"/>.</summary>
    /// <param name="database">The database.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is null.</exception>
    public SqliteAiInventory(SqliteGovernanceDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is null.</exception>
    /// <exception cref="SqliteStorageException">The database could not be written.</exception>
    public async ValueTask UpsertAsync(AiInventoryEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await _database.WriteAsync("store an inventory entry", async (connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"""
                INSERT INTO aigov_inventory ({Columns}) VALUES ($id, $name, $bo, $to, $oo, $tier, $vendor, $product, $component, $disclosed, $rt, $ro)
                ON CONFLICT (system_id) DO UPDATE SET name = excluded.name, business_owner = excluded.business_owner,
                    technical_owner = excluded.technical_owner, operations_owner = excluded.operations_owner, tier = excluded.tier,
                    vendor = excluded.vendor, product = excluded.product, component = excluded.component,
                    vendor_discloses_ai = excluded.vendor_discloses_ai, last_reviewed_at_ticks = excluded.last_reviewed_at_ticks,
                    last_reviewed_at_offset = excluded.last_reviewed_at_offset;
                """;
            command.Parameters.AddWithValue("$id", entry.SystemId);
            command.Parameters.AddWithValue("$name", entry.Name);
            command.Parameters.AddWithValue("$bo", (object?)entry.Owners.BusinessOwner ?? DBNull.Value);
            command.Parameters.AddWithValue("$to", (object?)entry.Owners.TechnicalOwner ?? DBNull.Value);
            command.Parameters.AddWithValue("$oo", (object?)entry.Owners.OperationsOwner ?? DBNull.Value);
            command.Parameters.AddWithValue("$tier", (int)entry.Tier);
            command.Parameters.AddWithValue("$vendor", (object?)entry.Vendor ?? DBNull.Value);
            command.Parameters.AddWithValue("$product", (object?)entry.Product ?? DBNull.Value);
            command.Parameters.AddWithValue("$component", (object?)entry.Component ?? DBNull.Value);
            command.Parameters.AddWithValue("$disclosed", entry.VendorDisclosesAi ? 1 : 0);
            command.Parameters.AddWithValue("$rt", entry.LastReviewedAt is { } t ? StorageValues.Ticks(t) : DBNull.Value);
            command.Parameters.AddWithValue("$ro", entry.LastReviewedAt is { } o ? StorageValues.OffsetMinutes(o) : DBNull.Value);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="systemId"/> is empty.</exception>
    /// <exception cref="SqliteStorageException">The database could not be written.</exception>
    public async ValueTask<bool> RemoveAsync(string systemId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(systemId);
        var removed = await _database.WriteAsync("remove an inventory entry", async (connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM aigov_inventory WHERE system_id = $id;";
            command.Parameters.AddWithValue("$id", systemId);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return removed > 0;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="systemId"/> is empty.</exception>
    /// <exception cref="SqliteStorageException">The database could not be read.</exception>
    public async ValueTask<AiInventoryEntry?> FindAsync(string systemId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(systemId);
        var found = await QueryAsync("system_id = $id", c => c.Parameters.AddWithValue("$id", systemId), cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    /// <exception cref="SqliteStorageException">The database could not be read.</exception>
    public ValueTask<IReadOnlyList<AiInventoryEntry>> GetAllAsync(CancellationToken cancellationToken = default) =>
        QueryAsync("1 = 1", static _ => { }, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="SqliteStorageException">The database could not be read.</exception>
    public ValueTask<IReadOnlyList<AiInventoryEntry>> FindByTierAsync(RiskTier tier, CancellationToken cancellationToken = default) =>
        QueryAsync("tier = $tier", c => c.Parameters.AddWithValue("$tier", (int)tier), cancellationToken);

    /// <inheritdoc />
    /// <exception cref="SqliteStorageException">The database could not be read.</exception>
    public ValueTask<IReadOnlyList<AiInventoryEntry>> FindReviewOverdueAsync(ReviewOverdueCutoffs cutoffs,
        CancellationToken cancellationToken = default) =>
        QueryAsync("""
            last_reviewed_at_ticks IS NULL
            OR (tier = 0 AND last_reviewed_at_ticks <= $low) OR (tier = 1 AND last_reviewed_at_ticks <= $medium)
            OR (tier = 2 AND last_reviewed_at_ticks <= $high) OR (tier = 3 AND last_reviewed_at_ticks <= $prohibited)
            """, c =>
        {
            c.Parameters.AddWithValue("$low", StorageValues.Ticks(cutoffs.Low));
            c.Parameters.AddWithValue("$medium", StorageValues.Ticks(cutoffs.Medium));
            c.Parameters.AddWithValue("$high", StorageValues.Ticks(cutoffs.High));
            c.Parameters.AddWithValue("$prohibited", StorageValues.Ticks(cutoffs.Prohibited));
        }, cancellationToken);

    private async ValueTask<IReadOnlyList<AiInventoryEntry>> QueryAsync(string where, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {Columns} FROM aigov_inventory WHERE {where} ORDER BY system_id;";
                bind(command);
                var entries = new List<AiInventoryEntry>();
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        entries.Add(new AiInventoryEntry(reader.GetString(0), reader.GetString(1),
                            new AiSystemOwners(Text(reader, 2), Text(reader, 3), Text(reader, 4)), (RiskTier)reader.GetInt32(5))
                        {
                            Vendor = Text(reader, 6),
                            Product = Text(reader, 7),
                            Component = Text(reader, 8),
                            VendorDisclosesAi = reader.GetInt32(9) != 0,
                            LastReviewedAt = reader.IsDBNull(10) ? null : StorageValues.Instant(reader.GetInt64(10), reader.GetInt32(11)),
                        });
                    }
                }

                return entries;
            }
            catch (SqliteException exception)
            {
                throw _database.Wrap("read the inventory", exception);
            }
        }
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
