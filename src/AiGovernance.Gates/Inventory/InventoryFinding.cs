namespace AiGovernance.Gates.Inventory;

/// <summary>A governance gap found in the inventory.</summary>
/// <param name="SystemId">The system concerned.</param>
/// <param name="Kind">What was found.</param>
/// <param name="Detail">A sentence describing it.</param>
public readonly record struct InventoryFinding(string SystemId, InventoryFindingKind Kind, string Detail);
