namespace AiGovernance.Gates.Inventory;

/// <summary>Queries over an <see cref="IAiInventory"/> that read every entry (the tier and overdue-review queries are
/// store operations on <see cref="IAiInventory"/>).</summary>
public static class AiInventoryQueries
{
    /// <summary>The systems a person owns in any role (ordinal, case-insensitive).</summary>
    /// <param name="inventory">The inventory.</param>
    /// <param name="owner">The owner's identifier.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The matching entries.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inventory"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="owner"/> is empty.</exception>
    public static ValueTask<IReadOnlyList<AiInventoryEntry>> FindByOwnerAsync(this IAiInventory inventory, string owner,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        return WhereAsync(inventory, e => Same(e.Owners.BusinessOwner, owner) || Same(e.Owners.TechnicalOwner, owner)
            || Same(e.Owners.OperationsOwner, owner), cancellationToken);
    }

    /// <summary>The systems bought from a vendor (ordinal, case-insensitive).</summary>
    /// <param name="inventory">The inventory.</param>
    /// <param name="vendor">The vendor's name.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The matching entries.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inventory"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="vendor"/> is empty.</exception>
    public static ValueTask<IReadOnlyList<AiInventoryEntry>> FindByVendorAsync(this IAiInventory inventory, string vendor,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vendor);
        return WhereAsync(inventory, e => Same(e.Vendor, vendor), cancellationToken);
    }

    /// <summary>The third-party systems.</summary>
    /// <param name="inventory">The inventory.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The matching entries.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inventory"/> is null.</exception>
    public static ValueTask<IReadOnlyList<AiInventoryEntry>> FindThirdPartyAsync(this IAiInventory inventory,
        CancellationToken cancellationToken = default) =>
        WhereAsync(inventory, e => e.IsThirdParty, cancellationToken);

    private static bool Same(string? a, string b) => a is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static async ValueTask<IReadOnlyList<AiInventoryEntry>> WhereAsync(IAiInventory inventory, Func<AiInventoryEntry, bool> predicate,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        var all = await inventory.GetAllAsync(cancellationToken).ConfigureAwait(false);
        return [.. all.Where(predicate)];
    }
}
