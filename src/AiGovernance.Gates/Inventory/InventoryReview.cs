using System.Globalization;
using AiGovernance.Gates.Decisions;

namespace AiGovernance.Gates.Inventory;

/// <summary>Reviews an inventory for governance gaps: unassigned owner roles, overdue continuation reviews and vendor AI
/// that is not disclosed as AI.</summary>
public sealed class InventoryReview
{
    private readonly ContinuationReviewSchedule _schedule;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a review.</summary>
    /// <param name="schedule">Decides when continuation reviews are due.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public InventoryReview(ContinuationReviewSchedule schedule, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _schedule = schedule;
        _timeProvider = timeProvider;
    }

    /// <summary>Finds the gaps in an inventory, system by system (ordered by system id).</summary>
    /// <param name="inventory">The inventory.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The findings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inventory"/> is null.</exception>
    public async ValueTask<IReadOnlyList<InventoryFinding>> GetFindingsAsync(IAiInventory inventory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        var entries = await inventory.GetAllAsync(cancellationToken).ConfigureAwait(false);
        var now = _timeProvider.GetUtcNow();
        var findings = new List<InventoryFinding>();
        foreach (var entry in entries)
        {
            foreach (var role in entry.Owners.GetUnassignedRoles())
            {
                findings.Add(new InventoryFinding(entry.SystemId, InventoryFindingKind.UnassignedOwnerRole,
                    $"No {role.ToString().ToLowerInvariant()} owner is assigned."));
            }

            if (entry.LastReviewedAt is not { } last)
            {
                findings.Add(new InventoryFinding(entry.SystemId, InventoryFindingKind.ContinuationReviewOverdue,
                    "The system has never been reviewed."));
            }
            else
            {
                var status = _schedule.GetStatus(entry.Tier, last);
                if (status.IsDue)
                {
                    findings.Add(new InventoryFinding(entry.SystemId, InventoryFindingKind.ContinuationReviewOverdue,
                        string.Create(CultureInfo.InvariantCulture,
                        $"The {entry.Tier} continuation review was due at {status.DueAt:O}, {(now - status.DueAt).TotalDays:0.#} days ago.")));
                }
            }

            if (entry.IsThirdParty && !entry.VendorDisclosesAi)
            {
                findings.Add(new InventoryFinding(entry.SystemId, InventoryFindingKind.UndisclosedVendorAi,
                    $"{entry.Vendor} ships AI in {entry.Product ?? entry.Component ?? "its product"} without disclosing it as AI."));
            }
        }

        return findings;
    }
}
