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
    public void Upsert(AiInventoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            _entries[entry.SystemId] = entry;
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="systemId"/> is empty.</exception>
    public bool Remove(string systemId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(systemId);
        lock (_gate)
        {
            return _entries.Remove(systemId);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="systemId"/> is empty.</exception>
    public AiInventoryEntry? Find(string systemId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(systemId);
        lock (_gate)
        {
            return _entries.GetValueOrDefault(systemId);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<AiInventoryEntry> GetAll()
    {
        lock (_gate)
        {
            return [.. _entries.Values];
        }
    }
}
