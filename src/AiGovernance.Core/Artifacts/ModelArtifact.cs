namespace AiGovernance.Core;

/// <summary>The exact model artifact a governance decision is bound to: name, version and SHA-256 digest of its bytes.</summary>
/// <remarks>Approvals and gate decisions name the digest, so a decision made for one artifact never covers another
/// build that carries the same name and version.</remarks>
public sealed record ModelArtifact
{
    /// <summary>Creates an artifact from a known digest.</summary>
    /// <param name="name">The artifact's name.</param>
    /// <param name="version">The artifact's version.</param>
    /// <param name="digest">The SHA-256 digest of the artifact's bytes.</param>
    /// <exception cref="ArgumentException">A name or version is empty, or the digest is the empty default.</exception>
    public ModelArtifact(string name, string version, Sha256Digest digest)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        if (digest.IsEmpty)
        {
            throw new ArgumentException("The digest must be computed from the artifact's bytes; the default value is empty.", nameof(digest));
        }

        Name = name;
        Version = version;
        Digest = digest;
    }

    /// <summary>The artifact's name.</summary>
    public string Name { get; }

    /// <summary>The artifact's version.</summary>
    public string Version { get; }

    /// <summary>The SHA-256 digest of the artifact's bytes.</summary>
    public Sha256Digest Digest { get; }

    /// <summary>Creates an artifact by hashing its bytes.</summary>
    /// <param name="name">The artifact's name.</param>
    /// <param name="version">The artifact's version.</param>
    /// <param name="content">The artifact's bytes.</param>
    /// <returns>The artifact.</returns>
    /// <exception cref="ArgumentException">A name or version is empty.</exception>
    public static ModelArtifact FromBytes(string name, string version, ReadOnlySpan<byte> content) =>
        new(name, version, Sha256Digest.Compute(content));

    /// <summary>Creates an artifact by hashing a stream from its current position to its end.</summary>
    /// <param name="name">The artifact's name.</param>
    /// <param name="version">The artifact's version.</param>
    /// <param name="content">A readable stream of the artifact's bytes.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The artifact.</returns>
    /// <exception cref="ArgumentException">A name or version is empty, or the stream is not readable.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> is null.</exception>
    public static async Task<ModelArtifact> FromStreamAsync(string name, string version, Stream content,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        var digest = await Sha256Digest.ComputeAsync(content, cancellationToken).ConfigureAwait(false);
        return new ModelArtifact(name, version, digest);
    }

    /// <summary>Whether the given bytes are this artifact (their digest matches, compared in constant time).</summary>
    /// <param name="content">The bytes to check.</param>
    /// <returns>Whether the digest matches.</returns>
    public bool Matches(ReadOnlySpan<byte> content) => Digest.Equals(Sha256Digest.Compute(content));
}
