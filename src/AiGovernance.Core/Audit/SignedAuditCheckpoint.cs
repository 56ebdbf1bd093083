using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AiGovernance.Core.Audit;

/// <summary>A chain head signed with ECDSA (P-256, SHA-256), kept outside the log so that rewriting the log — even
/// with every later hash recomputed — is detected by <see cref="AuditChain.VerifyAgainstCheckpoint"/>.</summary>
/// <remarks>The signature covers the UTF-8 bytes of
/// <c>"AiGovernance.AuditCheckpoint.v1\n{sequence}\n{hash hex}\n{signedAt ISO-8601 UTC}\n{keyId}"</c> in IEEE P1363
/// format. The key id is a label only: verification always uses the caller's trusted public key.</remarks>
public sealed record SignedAuditCheckpoint
{
    private const string Domain = "AiGovernance.AuditCheckpoint.v1";
    private readonly byte[] _signature;

    /// <summary>Creates a checkpoint record from its parts (for example when read back from storage).</summary>
    /// <param name="checkpoint">The signed head.</param>
    /// <param name="signedAt">When it was signed.</param>
    /// <param name="keyId">A label naming the signing key.</param>
    /// <param name="signature">The IEEE P1363 ECDSA signature (copied).</param>
    /// <exception cref="ArgumentException"><paramref name="keyId"/> is empty, the signature is empty, or the checkpoint is the empty
    /// head.</exception>
    public SignedAuditCheckpoint(AuditCheckpoint checkpoint, DateTimeOffset signedAt, string keyId, ReadOnlySpan<byte> signature)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        if (signature.IsEmpty)
        {
            throw new ArgumentException("The signature is empty.", nameof(signature));
        }

        if (checkpoint.Sequence < 1 || checkpoint.Hash.IsEmpty)
        {
            throw new ArgumentException("Only a non-empty chain head can be signed.", nameof(checkpoint));
        }

        Checkpoint = checkpoint;
        SignedAt = signedAt.ToUniversalTime();
        KeyId = keyId;
        _signature = signature.ToArray();
    }

    /// <summary>The signed head.</summary>
    public AuditCheckpoint Checkpoint { get; }

    /// <summary>When it was signed (UTC).</summary>
    public DateTimeOffset SignedAt { get; }

    /// <summary>A label naming the signing key; never trusted on its own.</summary>
    public string KeyId { get; }

    /// <summary>The IEEE P1363 ECDSA signature.</summary>
    public ReadOnlyMemory<byte> Signature => _signature;

    /// <summary>Signs a chain head.</summary>
    /// <param name="checkpoint">The head, usually <see cref="IAuditLog.Head"/>.</param>
    /// <param name="privateKey">An ECDSA private key (P-256 recommended).</param>
    /// <param name="keyId">A label naming the key.</param>
    /// <param name="timeProvider">Stamps the signing time.</param>
    /// <returns>The signed checkpoint.</returns>
    /// <exception cref="ArgumentNullException">A key or clock is null.</exception>
    /// <exception cref="ArgumentException">The head is empty or the key id is empty.</exception>
    public static SignedAuditCheckpoint Sign(AuditCheckpoint checkpoint, ECDsa privateKey, string keyId, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        if (checkpoint.Sequence < 1 || checkpoint.Hash.IsEmpty)
        {
            throw new ArgumentException("Only a non-empty chain head can be signed.", nameof(checkpoint));
        }

        var signedAt = timeProvider.GetUtcNow().ToUniversalTime();
        var signature = privateKey.SignData(Message(checkpoint, signedAt, keyId), HashAlgorithmName.SHA256);
        return new SignedAuditCheckpoint(checkpoint, signedAt, keyId, signature);
    }

    /// <summary>Whether the signature verifies with <paramref name="publicKey"/>.</summary>
    /// <param name="publicKey">The trusted public key.</param>
    /// <returns><see langword="true"/> when the signature is valid for this checkpoint.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="publicKey"/> is null.</exception>
    public bool Verify(ECDsa publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        try
        {
            return publicKey.VerifyData(Message(Checkpoint, SignedAt, KeyId), _signature, HashAlgorithmName.SHA256);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static byte[] Message(AuditCheckpoint checkpoint, DateTimeOffset signedAt, string keyId) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{Domain}\n{checkpoint.Sequence}\n{checkpoint.Hash}\n{signedAt.UtcDateTime:O}\n{keyId}"));
}
