using AiGovernance.Core;

namespace AiGovernance.Gates.Inventory;

/// <summary>Queries over an <see cref="IAiInventory"/>.</summary>
public static class AiInventoryQueries
{
    /// <summary>The systems of a tier.</summary>
    /// <param name="inventory">The inventory.</param>
    /// <param name="tier">The tier.</param>
    /// <returns>The matching entries.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inventory"/> is null.</exception>
    public static IReadOnlyList<AiInventoryEntry> FindByTier(this IAiInventory inventory, RiskTier tier) =>
        Where(inventory, e => e.Tier == tier);

    /// <summary>The systems a person owns in any role (ordinal, case-insensitive).</summary>
    /// <param name="inventory">The inventory.</param>
    /// <param name="owner">The owner's identifier.</param>
    /// <returns>The matching entries.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inventory"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="owner"/> is empty.</exception>
    public static IReadOnlyList<AiInventoryEntry> FindByOwner(this IAiInventory inventory, string owner)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        return Where(inventory, e => Same(e.Owners.BusinessOwner, owner) || Same(e.Owners.TechnicalOwner, owner) || Same(e.Owners.OperationsOwner,
            owner));
    }

    /// <summary>The systems bought from a vendor (ordinal, case-insensitive).</summary>
    /// <param name="inventory">The inventory.</param>
    /// <param name="vendor">The vendor's name.</param>
    /// <returns>The matching entries.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inventory"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="vendor"/> is empty.</exception>
    public static IReadOnlyList<AiInventoryEntry> FindByVendor(this IAiInventory inventory, string vendor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vendor);
        return Where(inventory, e => Same(e.Vendor, vendor));
    }

    /// <summary>The third-party systems.</summary>
    /// <param name="inventory">The inventory.</param>
    /// <returns>The matching entries.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inventory"/> is null.</exception>
    public static IReadOnlyList<AiInventoryEntry> FindThirdParty(this IAiInventory inventory) => Where(inventory, e => e.IsThirdParty);

    private static bool Same(string? a, string b) => a is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static List<AiInventoryEntry> Where(IAiInventory inventory, Func<AiInventoryEntry, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        var result = new List<AiInventoryEntry>();
        foreach (var entry in inventory.GetAll())
        {
            if (predicate(entry))
            {
                result.Add(entry);
            }
        }

        return result;
    }
}
