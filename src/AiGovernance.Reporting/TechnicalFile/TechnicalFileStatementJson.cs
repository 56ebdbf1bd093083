using System.Text.Json.Serialization;
using AiGovernance.Shared;

namespace AiGovernance.Reporting.TechnicalFile;

/// <summary>The technical file's predicate type; the statement itself is the shared in-toto model
/// (<see cref="InTotoStatementJson{TPredicate}"/>): the digests of the file's renderings and of the model artifact as
/// subjects, and every cited audit record and report as the predicate.</summary>
internal static class TechnicalFileStatementJson
{
    public const string PredicateTypeV1 = "https://aigovernance.dev/attestations/technical-file/v1";
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
[JsonSerializable(typeof(InTotoStatementJson<TechnicalFilePredicateJson>), TypeInfoPropertyName = "TechnicalFileStatementJson")]
internal sealed partial class TechnicalFileJsonContext : JsonSerializerContext;
