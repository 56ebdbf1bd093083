using System.Text.Json.Serialization;

namespace AiGovernance.Shared;

/// <summary>One subject of an in-toto statement: a name and its digests by algorithm.</summary>
internal sealed class InTotoSubjectJson
{
    [JsonPropertyName("name")]
    public required string Name { get; set; }

    [JsonPropertyName("digest")]
    public required Dictionary<string, string> Digest { get; set; }

    /// <summary>A subject with one SHA-256 digest (lower-case hex).</summary>
    public static InTotoSubjectJson Sha256(string name, string sha256Hex) =>
        new() { Name = name, Digest = new Dictionary<string, string> { ["sha256"] = sha256Hex } };
}
