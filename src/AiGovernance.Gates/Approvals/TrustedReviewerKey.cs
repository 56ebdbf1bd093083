using System.Security.Cryptography;

namespace AiGovernance.Gates.Approvals;

/// <summary>A reviewer's public key that the gates trust: which reviewer it belongs to, the roles it may sign in, and
/// when it is valid.</summary>
/// <remarks>Reviewer ids are identifiers, not display names: 1 to <see cref="MaxReviewerIdLength"/> characters of ASCII
/// letters, digits and <c>. _ - @ +</c>, starting with a letter or digit (so e-mail addresses and directory names fit).
/// Anything else — Cyrillic or full-width look-alikes, zero-width joiners, combining marks, other normalisation forms,
/// control and bidirectional characters — is refused, so no registered id can look like another and an id means the same
/// in every log, audit record and comparison.</remarks>
public sealed record TrustedReviewerKey
{
    /// <summary>The longest reviewer id accepted.</summary>
    public const int MaxReviewerIdLength = 128;

    private readonly byte[] _publicKey;

    /// <summary>Registers a P-256 public key.</summary>
    /// <param name="reviewerId">The reviewer the key belongs to.</param>
    /// <param name="roles">The roles the reviewer may sign in (at least one).</param>
    /// <param name="subjectPublicKeyInfo">The DER SubjectPublicKeyInfo of an ECDSA P-256 key.</param>
    /// <param name="validFrom">When the key becomes valid (inclusive).</param>
    /// <param name="validUntil">When the key stops being valid (exclusive).</param>
    /// <exception cref="ArgumentException">An identifier or role is empty, <paramref name="reviewerId"/> is not a safe ASCII
    /// id (see <see cref="IsValidReviewerId"/>), no role is given, the key is not P-256 (P-384, P-521, RSA and malformed keys
    /// are refused), or <paramref name="validUntil"/> is not after <paramref name="validFrom"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="roles"/> is null.</exception>
    public TrustedReviewerKey(string reviewerId, IEnumerable<string> roles, ReadOnlySpan<byte> subjectPublicKeyInfo, DateTimeOffset validFrom,
        DateTimeOffset validUntil)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewerId);
        if (!IsValidReviewerId(reviewerId))
        {
            throw new ArgumentException(
                $"A reviewer id must be 1 to {MaxReviewerIdLength} ASCII letters, digits or . _ - @ +, starting with a letter or digit; look-alike " +
                    $"and invisible characters are refused.",
                nameof(reviewerId));
        }

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

    /// <summary>Whether a text is an acceptable reviewer id: 1 to <see cref="MaxReviewerIdLength"/> ASCII letters, digits
    /// or <c>. _ - @ +</c>, starting with a letter or digit.</summary>
    /// <param name="reviewerId">The candidate id.</param>
    /// <returns>Whether it is acceptable.</returns>
    public static bool IsValidReviewerId(string? reviewerId)
    {
        if (string.IsNullOrEmpty(reviewerId) || reviewerId.Length > MaxReviewerIdLength || !char.IsAsciiLetterOrDigit(reviewerId[0]))
        {
            return false;
        }

        foreach (var c in reviewerId)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-' or '@' or '+'))
            {
                return false;
            }
        }

        return true;
    }

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
                || key.ExportParameters(false).Curve.Oid?.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            {
                throw new CryptographicException("Not a P-256 key.");
            }

            return key;
        }
        catch (CryptographicException ex)
        {
            key.Dispose();
            throw new ArgumentException(
                "The key is not an ECDSA P-256 (secp256r1) SubjectPublicKeyInfo; P-384, P-521, RSA and other keys are " +
                    "refused.", nameof(subjectPublicKeyInfo), ex);
        }
    }
}
