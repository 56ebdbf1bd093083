using System.Text.Json.Serialization;

namespace AiGovernance.Core.Pipelines;

/// <summary>The payload of a lineage event in the audit log.</summary>
internal sealed record LineagePayload(
    string Pipeline,
    string Run,
    string Component,
    string ComponentVersion,
    LineageArtifact Input,
    LineageArtifact? Output,
    double DurationMs,
    string? Failure,
    string? Error);

/// <summary>An artifact reference as JSON (digest as hex, or null).</summary>
internal sealed record LineageArtifact(string Name, string Version, string? Digest)
{
    public static LineageArtifact From(ArtifactReference reference) =>
        new(reference.Name, reference.Version, reference.Digest.IsEmpty ? null : reference.Digest.ToString());

    public ArtifactReference ToReference() =>
        new(Name, Version, Digest is null ? default : Sha256Digest.Parse(Digest));
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LineagePayload))]
internal sealed partial class LineageJsonContext : JsonSerializerContext;
