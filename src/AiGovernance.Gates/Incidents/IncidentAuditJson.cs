using System.Text.Json.Serialization;

namespace AiGovernance.Gates.Incidents;

/// <summary>The audit payload of every serious-incident event; fields not used by an event are omitted.</summary>
internal sealed class IncidentAuditJson
{
    public required string IncidentId { get; set; }

    public string? Source { get; set; }

    public string? Summary { get; set; }

    public DateTimeOffset? ObservedAt { get; set; }

    public DateTimeOffset? AwareAt { get; set; }

    public List<string>? Harms { get; set; }

    public bool? Widespread { get; set; }

    public string? Severity { get; set; }

    public string? SourceReference { get; set; }

    public DateTimeOffset? Deadline { get; set; }

    public string? DeadlineCitation { get; set; }

    public DateTimeOffset? ReportedAt { get; set; }

    public string? Authority { get; set; }

    public bool? Complete { get; set; }

    public string? Reason { get; set; }
}

/// <summary>Source-generated (AOT-safe) JSON metadata for the serious-incident audit payloads.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IncidentAuditJson))]
internal sealed partial class IncidentJsonContext : JsonSerializerContext
{
}
