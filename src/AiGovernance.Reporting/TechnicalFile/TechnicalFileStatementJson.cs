using System.Text.Json.Serialization;

namespace AiGovernance.Reporting.TechnicalFile;

/// <summary>The in-toto statement a technical file's DSSE envelope signs: the digests of the file's renderings and of the model
/// artifact as subjects, and every cited audit record and report as the predicate.</summary>
internal sealed class TechnicalFileStatementJson
{
    public const string StatementType = "https://in-toto.io/Statement/v1";

    public const string PredicateTypeV1 = "https://aigovernance.dev/attestations/technical-file/v1";

    [JsonPropertyName("_type")]
    public required string Type { get; set; }

    [JsonPropertyName("subject")]
    public required List<TechnicalFileSubjectJson> Subject { get; set; }

    [JsonPropertyName("predicateType")]
    public required string PredicateType { get; set; }

    [JsonPropertyName("predicate")]
    public required TechnicalFilePredicateJson Predicate { get; set; }
}

internal sealed class TechnicalFileSubjectJson
{
    [JsonPropertyName("name")]
    public required string Name { get; set; }

    [JsonPropertyName("digest")]
    public required Dictionary<string, string> Digest { get; set; }
}

internal sealed class TechnicalFilePredicateJson
{
    public required string SystemId { get; set; }

    public required string SystemVersion { get; set; }

    public required DateTimeOffset GeneratedAt { get; set; }

    public required TechnicalFileArtifact Artifact { get; set; }

    public required List<TechnicalFileRecordBindingJson> AuditRecords { get; set; }

    public required List<TechnicalFileReportBindingJson> Reports { get; set; }
}

internal sealed record TechnicalFileRecordBindingJson(long Sequence, string Hash);

internal sealed record TechnicalFileReportBindingJson(long Id, string Digest);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(TechnicalFileStatementJson))]
internal sealed partial class TechnicalFileJsonContext : JsonSerializerContext;
