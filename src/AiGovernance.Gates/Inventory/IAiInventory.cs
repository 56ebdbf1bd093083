using AiGovernance.Core;

namespace AiGovernance.Gates.Inventory;

/// <summary>An inventory of AI systems. The queries by tier and by overdue continuation review are store operations (a SQL
/// store answers them with an indexed query); the others are extension methods in <see cref="AiInventoryQueries"/>.</summary>
/// <remarks>Implementations are safe for concurrent use. Entries are ordered by system id, ordinally (by UTF-8 bytes in
/// the SQL stores, which agrees with UTF-16 ordinal order except between surrogate pairs and U+E000–U+FFFF).</remarks>
public interface IAiInventory
{
    /// <summary>Adds an entry or replaces the entry with the same system id.</summary>
    /// <param name="entry">The entry.</param>
    /// <param name="cancellationToken">Cancels the change before it is stored.</param>
    /// <returns>A task that completes when the entry is stored.</returns>
    ValueTask UpsertAsync(AiInventoryEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Removes an entry.</summary>
    /// <param name="systemId">The system's identifier.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>Whether an entry was removed.</returns>
    ValueTask<bool> RemoveAsync(string systemId, CancellationToken cancellationToken = default);

    /// <summary>Finds an entry.</summary>
    /// <param name="systemId">The system's identifier.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entry, or <see langword="null"/>.</returns>
    ValueTask<AiInventoryEntry?> FindAsync(string systemId, CancellationToken cancellationToken = default);

    /// <summary>A snapshot of every entry, ordered by system id.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries.</returns>
    ValueTask<IReadOnlyList<AiInventoryEntry>> GetAllAsync(CancellationToken cancellationToken = default);

    /// <summary>The systems of a tier, ordered by system id.</summary>
    /// <param name="tier">The tier.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The matching entries.</returns>
    ValueTask<IReadOnlyList<AiInventoryEntry>> FindByTierAsync(RiskTier tier, CancellationToken cancellationToken = default);

    /// <summary>The systems whose continuation review is due by the calendar: never reviewed, or last reviewed at or before
    /// their tier's cutoff. Ordered by system id.</summary>
    /// <param name="cutoffs">The latest review time per tier that is now overdue
    /// (<see cref="Decisions.ContinuationReviewSchedule.GetOverdueCutoffs"/>).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The matching entries.</returns>
    ValueTask<IReadOnlyList<AiInventoryEntry>> FindReviewOverdueAsync(ReviewOverdueCutoffs cutoffs, CancellationToken cancellationToken = default);
}
