namespace AiGovernance.Gates.Inventory;

/// <summary>What an inventory review found.</summary>
public enum InventoryFindingKind
{
    /// <summary>An owner role (business, technical, operations) is unassigned.</summary>
    UnassignedOwnerRole = 0,

    /// <summary>The continuation review is overdue, or the system was never reviewed.</summary>
    ContinuationReviewOverdue = 1,

    /// <summary>A vendor ships AI without disclosing it as AI.</summary>
    UndisclosedVendorAi = 2,
}
