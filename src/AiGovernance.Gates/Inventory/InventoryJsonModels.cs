namespace AiGovernance.Gates.Inventory;

internal sealed class InventoryDocumentJson
{
    public int Version { get; set; } = 1;

    public List<InventoryEntryJson> Systems { get; set; } = [];
}

internal sealed class InventoryEntryJson
{
    public required string SystemId { get; set; }

    public required string Name { get; set; }

    public string? BusinessOwner { get; set; }

    public string? TechnicalOwner { get; set; }

    public string? OperationsOwner { get; set; }

    public required string Tier { get; set; }

    public string? Vendor { get; set; }

    public string? Product { get; set; }

    public string? Component { get; set; }

    public bool VendorDisclosesAi { get; set; } = true;

    public DateTimeOffset? LastReviewedAt { get; set; }
}
