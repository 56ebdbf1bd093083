using System.Text.Json.Serialization;

namespace AiGovernance.Gates.Approvals;

internal sealed class DsseEnvelopeJson
{
    [JsonPropertyName("payloadType")]
    public required string PayloadType { get; set; }

    [JsonPropertyName("payload")]
    public required string Payload { get; set; }

    [JsonPropertyName("signatures")]
    public required List<DsseSignatureJson> Signatures { get; set; }
}

internal sealed class DsseSignatureJson
{
    [JsonPropertyName("keyid")]
    public string? KeyId { get; set; }

    [JsonPropertyName("sig")]
    public required string Sig { get; set; }
}

internal sealed class ApprovalPredicateJson
{
    public required string Gate { get; set; }

    public required string ApprovalKind { get; set; }

    public required string SystemId { get; set; }

    public required string Environment { get; set; }

    public required string PolicyVersion { get; set; }

    public required ReviewerJson Reviewer { get; set; }

    public required string Decision { get; set; }

    public required DateTimeOffset IssuedAt { get; set; }

    public required DateTimeOffset ExpiresAt { get; set; }

    public required string Nonce { get; set; }
}

internal sealed class ReviewerJson
{
    public required string Id { get; set; }

    public required string Role { get; set; }
}
