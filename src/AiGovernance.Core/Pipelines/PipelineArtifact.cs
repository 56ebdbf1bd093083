namespace AiGovernance.Core.Pipelines;

/// <summary>A versioned output of a pipeline component, with the artifacts it was made from.</summary>
/// <typeparam name="T">The data type.</typeparam>
public sealed class PipelineArtifact<T> : IPipelineArtifact
{
    /// <summary>Creates an artifact.</summary>
    /// <param name="name">The artifact's name.</param>
    /// <param name="version">The artifact's version.</param>
    /// <param name="data">The data.</param>
    /// <param name="createdAt">When it was produced (from a <see cref="TimeProvider"/>).</param>
    /// <param name="digest">The SHA-256 of the content; <see langword="default"/> when it cannot be hashed.</param>
    /// <param name="inputs">The artifacts it was made from; empty for a source artifact.</param>
    /// <param name="metadata">Free-form metadata (parameters, row counts, code revision).</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="version"/> is empty.</exception>
    public PipelineArtifact(
        string name,
        string version,
        T data,
        DateTimeOffset createdAt,
        Sha256Digest digest = default,
        IReadOnlyList<ArtifactReference>? inputs = null,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        Name = name;
        Version = version;
        Data = data;
        CreatedAt = createdAt;
        Digest = digest;
        Inputs = inputs ?? [];
        Metadata = metadata ?? new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>The artifact's name.</summary>
    public string Name { get; }

    /// <summary>The artifact's version.</summary>
    public string Version { get; }

    /// <summary>The data.</summary>
    public T Data { get; }

    /// <summary>When it was produced.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The SHA-256 of the content; empty when the content cannot be hashed.</summary>
    public Sha256Digest Digest { get; }

    /// <summary>The artifacts it was made from.</summary>
    public IReadOnlyList<ArtifactReference> Inputs { get; }

    /// <summary>Free-form metadata.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>A reference to this artifact for lineage records.</summary>
    public ArtifactReference Reference => new(Name, Version, Digest);
}
