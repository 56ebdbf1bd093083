using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AiGovernance.Core.Pipelines;

/// <summary>Content digests for pipeline data: bytes are hashed as they are, other data through its JSON form.</summary>
internal static class ArtifactDigests
{
    public static Sha256Digest Compute<T>(T data, JsonTypeInfo<T>? typeInfo) => data switch
    {
        null => default,
        byte[] bytes => Sha256Digest.Compute(bytes),
        ReadOnlyMemory<byte> memory => Sha256Digest.Compute(memory.Span),
        Memory<byte> memory => Sha256Digest.Compute(memory.Span),
        _ when typeInfo is not null => Sha256Digest.Compute(JsonSerializer.SerializeToUtf8Bytes(data, typeInfo)),
        _ => default,
    };
}
