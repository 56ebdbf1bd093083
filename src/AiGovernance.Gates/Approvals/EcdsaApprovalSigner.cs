using System.Security.Cryptography;

namespace AiGovernance.Gates.Approvals;

/// <summary>An <see cref="IApprovalSigner"/> holding an ECDSA P-256 key in process (BCL cryptography).</summary>
/// <remarks>Thread-safe: signing is serialised. The key id is the lower-case hex SHA-256 of the public key's
/// SubjectPublicKeyInfo, the same value <see cref="TrustedReviewerKey.ComputeKeyId(ReadOnlySpan{byte})"/> computes.</remarks>
public sealed class EcdsaApprovalSigner : IApprovalSigner, IDisposable
{
    private readonly ECDsa _key;
    private readonly Lock _gate = new();

    private EcdsaApprovalSigner(ECDsa key)
    {
        _key = key;
        PublicKey = key.ExportSubjectPublicKeyInfo();
        KeyId = TrustedReviewerKey.ComputeKeyId(PublicKey.Span);
    }

    /// <inheritdoc />
    public string KeyId { get; }

    /// <summary>The public key as DER SubjectPublicKeyInfo, for the trusted key registry.</summary>
    public ReadOnlyMemory<byte> PublicKey { get; }

    /// <summary>Generates a new P-256 key.</summary>
    /// <returns>The signer.</returns>
    public static EcdsaApprovalSigner Create() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>Loads a P-256 private key from PKCS#8 DER bytes.</summary>
    /// <param name="pkcs8PrivateKey">The private key.</param>
    /// <returns>The signer.</returns>
    /// <exception cref="ArgumentException">The bytes are not exactly one PKCS#8 ECDSA key (trailing data is refused), or the key
    /// is not on the named curve P-256. The message never quotes the bytes.</exception>
    public static EcdsaApprovalSigner FromPkcs8(ReadOnlySpan<byte> pkcs8PrivateKey)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportPkcs8PrivateKey(pkcs8PrivateKey, out var read);
            if (read != pkcs8PrivateKey.Length)
            {
                throw new CryptographicException("Trailing data after the key.");
            }
        }
        catch (CryptographicException ex)
        {
            key.Dispose();
            throw new ArgumentException("The bytes are not a PKCS#8 ECDSA private key.", nameof(pkcs8PrivateKey), ex);
        }

        if (key.KeySize != 256 || key.ExportParameters(false).Curve.Oid?.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            key.Dispose();
            throw new ArgumentException("Only NIST P-256 keys are supported.", nameof(pkcs8PrivateKey));
        }

        return new EcdsaApprovalSigner(key);
    }

    /// <inheritdoc />
    public ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_key.SignData(data.Span, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        }
    }

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();
}
