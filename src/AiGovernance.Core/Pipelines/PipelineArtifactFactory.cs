using System.Text.Json.Serialization.Metadata;

namespace AiGovernance.Core.Pipelines;

/// <summary>Creates source artifacts, the inputs a pipeline starts from.</summary>
public static class PipelineArtifactFactory
{
    /// <summary>Creates a source artifact (one with no inputs), hashing its content where possible.</summary>
    /// <typeparam name="T">The data type.</typeparam>
    /// <param name="name">The artifact's name, for example <c>loans-2026-11</c>.</param>
    /// <param name="version">The artifact's version.</param>
    /// <param name="data">The data.</param>
    /// <param name="timeProvider">Stamps the creation time.</param>
    /// <param name="typeInfo">Serialises non-byte data to compute its digest; <see langword="null"/> leaves it unhashed.</param>
    /// <param name="metadata">Free-form metadata.</param>
    /// <returns>The artifact.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="version"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is null.</exception>
    public static PipelineArtifact<T> CreateSource<T>(
        string name,
        string version,
        T data,
        TimeProvider timeProvider,
        JsonTypeInfo<T>? typeInfo = null,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return new PipelineArtifact<T>(name, version, data, timeProvider.GetUtcNow(), ArtifactDigests.Compute(data, typeInfo), [], metadata);
    }
}
