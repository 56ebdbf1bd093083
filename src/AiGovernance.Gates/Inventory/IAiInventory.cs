namespace AiGovernance.Gates.Inventory;

/// <summary>An inventory of AI systems. Queries are extension methods in <see cref="AiInventoryQueries"/>.</summary>
public interface IAiInventory
{
    /// <summary>Adds an entry or replaces the entry with the same system id.</summary>
    /// <param name="entry">The entry.</param>
    void Upsert(AiInventoryEntry entry);

    /// <summary>Removes an entry.</summary>
    /// <param name="systemId">The system's identifier.</param>
    /// <returns>Whether an entry was removed.</returns>
    bool Remove(string systemId);

    /// <summary>Finds an entry.</summary>
    /// <param name="systemId">The system's identifier.</param>
    /// <returns>The entry, or <see langword="null"/>.</returns>
    AiInventoryEntry? Find(string systemId);

    /// <summary>A snapshot of every entry, ordered by system id (ordinal).</summary>
    /// <returns>The entries.</returns>
    IReadOnlyList<AiInventoryEntry> GetAll();
}
