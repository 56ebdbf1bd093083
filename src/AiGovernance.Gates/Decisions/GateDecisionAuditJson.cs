namespace AiGovernance.Gates.Decisions;

internal sealed class GateDecisionAuditJson
{
    public required string Gate { get; set; }

    public required string Environment { get; set; }

    public required string Tier { get; set; }

    public required string PolicyVersion { get; set; }

    public required bool Allowed { get; set; }

    public required List<string> Missing { get; set; }

    public required List<string> Invalid { get; set; }

    public required List<string> Rejections { get; set; }

    public required List<string> Accepted { get; set; }

    public required List<string> Reasons { get; set; }
}
