using System.Security.Cryptography;

namespace AiGovernance.Gates.Approvals;

/// <summary>A reviewer's public key that the gates trust: which reviewer it belongs to, the roles it may sign in, and
/// when it is valid.</summary>
public sealed record TrustedReviewerKey
{
    private readonly byte[] _publicKey;

    /// <summary>Registers a P-256 public key.</summary>
    /// <param name="reviewerId">The reviewer the key belongs to.</param>
    /// <param name="roles">The roles the reviewer may sign in (at least one).</param>
    /// <param name="subjectPublicKeyInfo">The DER SubjectPublicKeyInfo of an ECDSA P-256 key.</param>
    /// <param name="validFrom">When the key becomes valid (inclusive).</param>
    /// <param name="validUntil">When the key stops being valid (exclusive).</param>
    /// <exception cref="ArgumentException">An identifier or role is empty, no role is given, the key is not P-256, or
    /// <paramref name="validUntil"/> is not after <paramref name="validFrom"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="roles"/> is null.</exception>
    public TrustedReviewerKey(string reviewerId, IEnumerable<string> roles, ReadOnlySpan<byte> subjectPublicKeyInfo, DateTimeOffset validFrom, DateTimeOffset validUntil)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewerId);
        ArgumentNullException.ThrowIfNull(roles);
        var roleList = new List<string>();
        foreach (var role in roles)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(role, nameof(roles));
            if (!roleList.Contains(role, StringComparer.Ordinal))
            {
                roleList.Add(role);
            }
        }

        if (roleList.Count == 0)
        {
            throw new ArgumentException("A reviewer key needs at least one role.", nameof(roles));
        }

        if (validUntil <= validFrom)
        {
            throw new ArgumentException("A key must be valid for a positive period.", nameof(validUntil));
        }

        using (var key = ImportP256(subjectPublicKeyInfo))
        {
            _publicKey = key.ExportSubjectPublicKeyInfo();
        }

        ReviewerId = reviewerId;
        Roles = roleList;
        ValidFrom = validFrom;
        ValidUntil = validUntil;
        KeyId = ComputeKeyId(_publicKey);
    }

    /// <summary>The key's identifier: lower-case hex SHA-256 of its SubjectPublicKeyInfo.</summary>
    public string KeyId { get; }

    /// <summary>The reviewer the key belongs to.</summary>
    public string ReviewerId { get; }

    /// <summary>The roles the reviewer may sign in.</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <summary>When the key becomes valid (inclusive).</summary>
    public DateTimeOffset ValidFrom { get; }

    /// <summary>When the key stops being valid (exclusive).</summary>
    public DateTimeOffset ValidUntil { get; }

    /// <summary>The DER SubjectPublicKeyInfo.</summary>
    public ReadOnlyMemory<byte> PublicKey => _publicKey;

    /// <summary>Computes a key id: lower-case hex SHA-256 of a SubjectPublicKeyInfo.</summary>
    /// <param name="subjectPublicKeyInfo">The DER SubjectPublicKeyInfo.</param>
    /// <returns>The key id.</returns>
    public static string ComputeKeyId(ReadOnlySpan<byte> subjectPublicKeyInfo) =>
        Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo));

    /// <summary>Whether the reviewer may sign in a role.</summary>
    /// <param name="role">The role.</param>
    /// <returns>Whether the key carries the role (ordinal comparison).</returns>
    public bool HasRole(string? role)
    {
        foreach (var r in Roles)
        {
            if (string.Equals(r, role, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Verifies an ECDSA P-256 / SHA-256 signature (DER-encoded) with this key.</summary>
    /// <param name="data">The signed bytes.</param>
    /// <param name="signature">The signature.</param>
    /// <returns>Whether the signature is valid for this key.</returns>
    public bool VerifySignature(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        using var key = ImportP256(_publicKey);
        try
        {
            return key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static ECDsa ImportP256(ReadOnlySpan<byte> subjectPublicKeyInfo)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out var read);
            if (read != subjectPublicKeyInfo.Length || key.KeySize != 256
                || key.ExportParameters(false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            {
                throw new CryptographicException("Not a P-256 key.");
            }

            return key;
        }
        catch (CryptographicException ex)
        {
            key.Dispose();
            throw new ArgumentException("The key is not an ECDSA P-256 SubjectPublicKeyInfo.", nameof(subjectPublicKeyInfo), ex);
        }
    }
}
