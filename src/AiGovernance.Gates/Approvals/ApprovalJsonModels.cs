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

internal sealed class InTotoStatementJson
{
    [JsonPropertyName("_type")]
    public required string Type { get; set; }

    [JsonPropertyName("subject")]
    public required List<InTotoSubjectJson> Subject { get; set; }

    [JsonPropertyName("predicateType")]
    public required string PredicateType { get; set; }

    [JsonPropertyName("predicate")]
    public required ApprovalPredicateJson Predicate { get; set; }
}

internal sealed class InTotoSubjectJson
{
    [JsonPropertyName("name")]
    public required string Name { get; set; }

    [JsonPropertyName("digest")]
    public required Dictionary<string, string> Digest { get; set; }
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
