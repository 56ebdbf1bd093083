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

    /// <summary>Each accepted approval in full — reviewer, role, the key that verified it and until when it is valid — so the
    /// audit trail (and the dashboard reading it) shows who approved which digest with which key.</summary>
    public List<ApprovalJson>? Approvals { get; set; }

    internal sealed class ApprovalJson
    {
        public required string Kind { get; set; }

        public required string Reviewer { get; set; }

        public required string Role { get; set; }

        public required string KeyId { get; set; }

        public required string Nonce { get; set; }

        public required DateTimeOffset ExpiresAt { get; set; }
    }
}
