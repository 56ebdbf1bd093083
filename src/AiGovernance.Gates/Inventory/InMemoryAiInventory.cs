using AiGovernance.Core;

namespace AiGovernance.Gates.Inventory;

/// <summary>An <see cref="IAiInventory"/> held in memory. Thread-safe.</summary>
public sealed class InMemoryAiInventory : IAiInventory
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, AiInventoryEntry> _entries = new(StringComparer.Ordinal);

    /// <summary>Creates an inventory, optionally with entries.</summary>
    /// <param name="entries">Initial entries.</param>
    /// <exception cref="ArgumentException">An entry is null.</exception>
    public InMemoryAiInventory(IEnumerable<AiInventoryEntry>? entries = null)
    {
        foreach (var entry in entries ?? [])
        {
            if (entry is null)
            {
                throw new ArgumentException("An entry is null.", nameof(entries));
            }

            _entries[entry.SystemId] = entry;
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is null.</exception>
    public ValueTask UpsertAsync(AiInventoryEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        Put(entry);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="systemId"/> is empty.</exception>
    public ValueTask<bool> RemoveAsync(string systemId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(systemId);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Delete(systemId));
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="systemId"/> is empty.</exception>
    public ValueTask<AiInventoryEntry?> FindAsync(string systemId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(systemId);
        return ValueTask.FromResult(Get(systemId));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AiInventoryEntry>> GetAllAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Where(static _ => true));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AiInventoryEntry>> FindByTierAsync(RiskTier tier, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Where(e => e.Tier == tier));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AiInventoryEntry>> FindReviewOverdueAsync(ReviewOverdueCutoffs cutoffs,
        CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Where(cutoffs.IsOverdue));

    internal void Put(AiInventoryEntry entry)
    {
        lock (_gate)
        {
            _entries[entry.SystemId] = entry;
        }
    }

    internal bool Delete(string systemId)
    {
        lock (_gate)
        {
            return _entries.Remove(systemId);
        }
    }

    internal AiInventoryEntry? Get(string systemId)
    {
        lock (_gate)
        {
            return _entries.GetValueOrDefault(systemId);
        }
    }

    /// <summary>A snapshot of the entries matching <paramref name="predicate"/>, ordered by system id.</summary>
    internal IReadOnlyList<AiInventoryEntry> Where(Func<AiInventoryEntry, bool> predicate)
    {
        lock (_gate)
        {
            return [.. _entries.Values.Where(predicate)];
        }
    }
}
