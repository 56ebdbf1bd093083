using AiGovernance.Core;

namespace AiGovernance.Gates.Lifecycle;

/// <summary>A required output of a lifecycle phase, bound to the SHA-256 digest of its content.</summary>
public sealed record EvidenceItem
{
    /// <summary>Creates an evidence item.</summary>
    /// <param name="name">The output's name, for example <c>risk-classification</c>.</param>
    /// <param name="digest">The digest of the output's bytes.</param>
    /// <param name="location">Where the output is stored (a URI or path), if known.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or the digest is empty.</exception>
    public EvidenceItem(string name, Sha256Digest digest, string? location = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (digest.IsEmpty)
        {
            throw new ArgumentException("Evidence must be bound to the digest of its content.", nameof(digest));
        }

        Name = name;
        Digest = digest;
        Location = location;
    }

    /// <summary>The output's name.</summary>
    public string Name { get; }

    /// <summary>The digest of the output's bytes.</summary>
    public Sha256Digest Digest { get; }

    /// <summary>Where the output is stored, if known.</summary>
    public string? Location { get; }

    /// <summary>Creates an evidence item by hashing its content.</summary>
    /// <param name="name">The output's name.</param>
    /// <param name="content">The output's bytes.</param>
    /// <param name="location">Where the output is stored.</param>
    /// <returns>The evidence item.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public static EvidenceItem FromContent(string name, ReadOnlySpan<byte> content, string? location = null) =>
        new(name, Sha256Digest.Compute(content), location);
}
