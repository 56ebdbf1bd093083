using AiGovernance.Core;

namespace AiGovernance.Gates.Inventory;

/// <summary>For each tier, the latest last-review time whose continuation review is now overdue: a system of that tier last
/// reviewed at or before its cutoff (or never) is due.</summary>
/// <param name="Low">The cutoff of <see cref="RiskTier.Low"/>.</param>
/// <param name="Medium">The cutoff of <see cref="RiskTier.Medium"/>.</param>
/// <param name="High">The cutoff of <see cref="RiskTier.High"/>.</param>
/// <param name="Prohibited">The cutoff of <see cref="RiskTier.Prohibited"/> (now: always due).</param>
public readonly record struct ReviewOverdueCutoffs(DateTimeOffset Low, DateTimeOffset Medium, DateTimeOffset High, DateTimeOffset Prohibited)
{
    /// <summary>The cutoff of a tier.</summary>
    /// <param name="tier">The tier.</param>
    /// <returns>The cutoff.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tier"/> is not a defined tier.</exception>
    public DateTimeOffset For(RiskTier tier) => tier switch
    {
        RiskTier.Low => Low,
        RiskTier.Medium => Medium,
        RiskTier.High => High,
        RiskTier.Prohibited => Prohibited,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown risk tier."),
    };

    /// <summary>Whether an entry's continuation review is overdue under these cutoffs.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns><see langword="true"/> when it was never reviewed or last reviewed at or before its tier's cutoff.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is null.</exception>
    public bool IsOverdue(AiInventoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.LastReviewedAt is not { } last || last <= For(entry.Tier);
    }
}
