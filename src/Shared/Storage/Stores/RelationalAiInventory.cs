using AiGovernance.Core;
using AiGovernance.Gates.Inventory;

namespace AiGovernance.Shared;

/// <summary>The AI inventory over either SQL database: upsert by system id, the tier and overdue-review queries as indexed
/// SQL, entries ordered by system id in UTF-8 byte order.</summary>
internal sealed class RelationalAiInventory(IRelationalGovernanceDatabase database)
{
    private const string Columns = """
        system_id, name, business_owner, technical_owner, operations_owner, tier, vendor, product, component, vendor_discloses_ai,
        last_reviewed_at_ticks, last_reviewed_at_offset
        """;

    private const string UpsertSql = $"""
        INSERT INTO aigov_inventory ({Columns}) VALUES (@id, @name, @bo, @to, @oo, @tier, @vendor, @product, @component, @disclosed, @rt, @ro)
        ON CONFLICT (system_id) DO UPDATE SET name = excluded.name, business_owner = excluded.business_owner,
            technical_owner = excluded.technical_owner, operations_owner = excluded.operations_owner, tier = excluded.tier,
            vendor = excluded.vendor, product = excluded.product, component = excluded.component,
            vendor_discloses_ai = excluded.vendor_discloses_ai, last_reviewed_at_ticks = excluded.last_reviewed_at_ticks,
            last_reviewed_at_offset = excluded.last_reviewed_at_offset;
        """;

    public async ValueTask UpsertAsync(AiInventoryEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await database.WriteTransactionAsync("store an inventory entry", async (connection, transaction) =>
        {
            using var command = StorageCommands.Create(connection, transaction, UpsertSql);
            command.Add("@id", entry.SystemId);
            command.Add("@name", entry.Name);
            command.Add("@bo", entry.Owners.BusinessOwner);
            command.Add("@to", entry.Owners.TechnicalOwner);
            command.Add("@oo", entry.Owners.OperationsOwner);
            command.Add("@tier", (int)entry.Tier);
            command.Add("@vendor", entry.Vendor);
            command.Add("@product", entry.Product);
            command.Add("@component", entry.Component);
            command.Add("@disclosed", entry.VendorDisclosesAi);
            command.Add("@rt", entry.LastReviewedAt is { } t ? StorageValues.Ticks(t) : null);
            command.Add("@ro", entry.LastReviewedAt is { } o ? StorageValues.OffsetMinutes(o) : null);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> RemoveAsync(string systemId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(systemId);
        var removed = await database.WriteTransactionAsync("remove an inventory entry", async (connection, transaction) =>
        {
            using var command = StorageCommands.Create(connection, transaction, "DELETE FROM aigov_inventory WHERE system_id = @id;");
            command.Add("@id", systemId);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return removed > 0;
    }

    public async ValueTask<AiInventoryEntry?> FindAsync(string systemId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(systemId);
        var found = await QueryAsync("system_id = @id", c => c.Add("@id", systemId), cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public ValueTask<IReadOnlyList<AiInventoryEntry>> GetAllAsync(CancellationToken cancellationToken) =>
        QueryAsync("1 = 1", static _ => { }, cancellationToken);

    public ValueTask<IReadOnlyList<AiInventoryEntry>> FindByTierAsync(RiskTier tier, CancellationToken cancellationToken) =>
        QueryAsync("tier = @tier", c => c.Add("@tier", (int)tier), cancellationToken);

    public ValueTask<IReadOnlyList<AiInventoryEntry>> FindReviewOverdueAsync(ReviewOverdueCutoffs cutoffs, CancellationToken cancellationToken) =>
        QueryAsync("""
            last_reviewed_at_ticks IS NULL
            OR (tier = 0 AND last_reviewed_at_ticks <= @low) OR (tier = 1 AND last_reviewed_at_ticks <= @medium)
            OR (tier = 2 AND last_reviewed_at_ticks <= @high) OR (tier = 3 AND last_reviewed_at_ticks <= @prohibited)
            """, c =>
        {
            c.Add("@low", StorageValues.Ticks(cutoffs.Low));
            c.Add("@medium", StorageValues.Ticks(cutoffs.Medium));
            c.Add("@high", StorageValues.Ticks(cutoffs.High));
            c.Add("@prohibited", StorageValues.Ticks(cutoffs.Prohibited));
        }, cancellationToken);

    private async ValueTask<IReadOnlyList<AiInventoryEntry>> QueryAsync(string where, Action<System.Data.Common.DbCommand> bind,
        CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                using var command = StorageCommands.Create(connection, null,
                    $"SELECT {Columns} FROM aigov_inventory WHERE {where} ORDER BY system_id{database.Dialect.BytewiseOrder};");
                bind(command);
                var entries = new List<AiInventoryEntry>();
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        entries.Add(new AiInventoryEntry(reader.GetString(0), reader.GetString(1),
                            new AiSystemOwners(reader.TextOrNull(2), reader.TextOrNull(3), reader.TextOrNull(4)), (RiskTier)reader.GetInt32(5))
                        {
                            Vendor = reader.TextOrNull(6),
                            Product = reader.TextOrNull(7),
                            Component = reader.TextOrNull(8),
                            VendorDisclosesAi = reader.GetBoolean(9),
                            LastReviewedAt = reader.IsDBNull(10) ? null : StorageValues.Instant(reader.GetInt64(10), reader.GetInt32(11)),
                        });
                    }
                }

                return entries;
            }
            catch (Exception exception) when (StorageCommands.IsDriverFailure(exception))
            {
                throw database.WrapFailure("read the inventory", exception);
            }
        }
    }
}
