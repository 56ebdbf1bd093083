namespace AiGovernance.Gates.Lifecycle;

internal sealed class LifecycleAuditJson
{
    public required string Phase { get; set; }

    public string? To { get; set; }

    public bool? Succeeded { get; set; }

    public string? Evidence { get; set; }

    public string? EvidenceDigest { get; set; }

    public List<string>? Missing { get; set; }

    public List<string>? Reasons { get; set; }
}
