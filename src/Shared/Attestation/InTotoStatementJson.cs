using System.Text.Json.Serialization;

namespace AiGovernance.Shared;

/// <summary>An in-toto v1 statement as JSON (the payload a DSSE envelope signs): subjects by digest and a typed predicate.
/// Written once for the approval statements (Gates) and the technical file (Reporting); each package keeps its own JSON
/// context, since their encoders differ.</summary>
/// <typeparam name="TPredicate">The predicate's JSON model.</typeparam>
internal sealed class InTotoStatementJson<TPredicate>
    where TPredicate : class
{
    /// <summary>The statement type of in-toto v1.</summary>
    public const string StatementType = "https://in-toto.io/Statement/v1";

    [JsonPropertyName("_type")]
    public required string Type { get; set; }

    [JsonPropertyName("subject")]
    public required List<InTotoSubjectJson> Subject { get; set; }

    [JsonPropertyName("predicateType")]
    public required string PredicateType { get; set; }

    [JsonPropertyName("predicate")]
    public required TPredicate Predicate { get; set; }
}
