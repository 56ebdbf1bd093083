using System.Security.Cryptography;

namespace AiGovernance.Core;

/// <summary>A SHA-256 digest (32 bytes), compared in constant time.</summary>
/// <remarks>The text form is 64 lower-case hexadecimal characters. The <see langword="default"/> value is empty
/// (<see cref="IsEmpty"/>) and is refused wherever a real digest is required.</remarks>
public readonly struct Sha256Digest : IEquatable<Sha256Digest>
{
    /// <summary>The length of a SHA-256 digest in bytes.</summary>
    public const int Length = 32;

    private readonly byte[]? _bytes;

    private Sha256Digest(byte[] bytes) => _bytes = bytes;

    /// <summary>Whether this is the empty <see langword="default"/> value rather than a digest.</summary>
    public bool IsEmpty => _bytes is null;

    /// <summary>The digest's bytes.</summary>
    /// <returns>A read-only view of the 32 bytes; empty for the <see langword="default"/> value.</returns>
    public ReadOnlySpan<byte> AsSpan() => _bytes;

    /// <summary>Wraps 32 digest bytes (copied).</summary>
    /// <param name="digest">Exactly 32 bytes.</param>
    /// <returns>The digest.</returns>
    /// <exception cref="ArgumentException"><paramref name="digest"/> is not 32 bytes long.</exception>
    public static Sha256Digest FromBytes(ReadOnlySpan<byte> digest)
    {
        if (digest.Length != Length)
        {
            throw new ArgumentException($"A SHA-256 digest has {Length} bytes; got {digest.Length}.", nameof(digest));
        }

        return new Sha256Digest(digest.ToArray());
    }

    /// <summary>Computes the SHA-256 digest of the given bytes.</summary>
    /// <param name="data">The bytes to hash.</param>
    /// <returns>The digest.</returns>
    public static Sha256Digest Compute(ReadOnlySpan<byte> data)
    {
        var bytes = new byte[Length];
        SHA256.HashData(data, bytes);
        return new Sha256Digest(bytes);
    }

    /// <summary>Computes the SHA-256 digest of a stream, read from its current position to its end.</summary>
    /// <param name="stream">A readable stream.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The digest.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> is not readable.</exception>
    public static async Task<Sha256Digest> ComputeAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream must be readable.", nameof(stream));
        }

        var bytes = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
        return new Sha256Digest(bytes);
    }

    /// <summary>Parses 64 hexadecimal characters (either case), optionally prefixed by <c>sha256:</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The digest.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not a SHA-256 digest.</exception>
    public static Sha256Digest Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var digest)
            ? digest
            : throw new FormatException("A SHA-256 digest is 64 hexadecimal characters, optionally prefixed by 'sha256:'.");
    }

    /// <summary>Tries to parse 64 hexadecimal characters (either case), optionally prefixed by <c>sha256:</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="digest">The digest when parsing succeeded.</param>
    /// <returns>Whether <paramref name="text"/> was a digest.</returns>
    public static bool TryParse(string? text, out Sha256Digest digest)
    {
        digest = default;
        if (text is null)
        {
            return false;
        }

        var span = text.AsSpan();
        if (span.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase))
        {
            span = span[7..];
        }

        if (span.Length != Length * 2)
        {
            return false;
        }

        var bytes = new byte[Length];
        if (Convert.FromHexString(span, bytes, out _, out var written) != System.Buffers.OperationStatus.Done || written != Length)
        {
            return false;
        }

        digest = new Sha256Digest(bytes);
        return true;
    }

    /// <summary>Constant-time equality of two digests; two empty values are equal.</summary>
    /// <param name="other">The other digest.</param>
    /// <returns>Whether both hold the same bytes.</returns>
    public bool Equals(Sha256Digest other)
    {
        if (_bytes is null || other._bytes is null)
        {
            return _bytes is null && other._bytes is null;
        }

        return CryptographicOperations.FixedTimeEquals(_bytes, other._bytes);
    }

    /// <summary>Constant-time comparison with raw digest bytes.</summary>
    /// <param name="other">Bytes to compare with.</param>
    /// <returns>Whether the bytes equal this digest.</returns>
    public bool Equals(ReadOnlySpan<byte> other) =>
        _bytes is not null && CryptographicOperations.FixedTimeEquals(_bytes, other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Sha256Digest other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _bytes is null ? 0 : BitConverter.ToInt32(_bytes, 0);

    /// <summary>The 64 lower-case hexadecimal characters; empty for the <see langword="default"/> value.</summary>
    /// <returns>The hexadecimal text.</returns>
    public override string ToString() => _bytes is null ? string.Empty : Convert.ToHexStringLower(_bytes);

    /// <summary>Constant-time equality.</summary>
    /// <param name="left">The first digest.</param>
    /// <param name="right">The second digest.</param>
    /// <returns>Whether both hold the same bytes.</returns>
    public static bool operator ==(Sha256Digest left, Sha256Digest right) => left.Equals(right);

    /// <summary>Constant-time inequality.</summary>
    /// <param name="left">The first digest.</param>
    /// <param name="right">The second digest.</param>
    /// <returns>Whether the digests differ.</returns>
    public static bool operator !=(Sha256Digest left, Sha256Digest right) => !left.Equals(right);
}
