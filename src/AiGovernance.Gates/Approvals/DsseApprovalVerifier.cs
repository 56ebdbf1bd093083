using System.Globalization;
using AiGovernance.Core;
using AiGovernance.Shared;

namespace AiGovernance.Gates.Approvals;

/// <summary>Verifies DSSE approval envelopes with the trusted reviewer keys: signature first (over the pre-authentication
/// encoding, so neither payload nor payload type can be changed), then key status, statement, bindings, validity and nonce.</summary>
/// <remarks><para>The envelope's <c>keyid</c> is never trusted on its own: every trusted key is tried and only a key whose
/// signature verifies identifies the reviewer. The nonce is recorded only after every other check has passed, so
/// unauthenticated input cannot poison the ledger. Thread-safe.</para>
/// <para>Fail-closed rules for hostile input: an envelope whose payload and signatures exceed the size limit, or that
/// carries more than <see cref="MaxSignatures"/> signatures, is refused before any cryptography
/// (<see cref="ApprovalFailureReason.EnvelopeTooLarge"/>), which bounds the work one approval can cause; a revoked key's
/// approvals are refused whatever issue time they claim (see <see cref="TrustedReviewerKeyRegistry"/>); the clock skew
/// only lets an approval issued slightly in the future count — it never extends an approval past its expiry, which
/// would stretch what the reviewer signed; text quoted from a statement in <see cref="ApprovalVerification.Detail"/> is
/// cut to 64 characters with control and invisible characters escaped, and no detail carries the payload or key material.</para>
/// </remarks>
public sealed class DsseApprovalVerifier : IApprovalVerifier
{
    private readonly TrustedReviewerKeyRegistry _keys;
    private readonly IApprovalNonceLedger _nonces;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _clockSkew;
    private readonly TimeSpan? _maxLifetime;
    private readonly int _maxEnvelopeBytes;

    /// <summary>The most signatures an envelope may carry; an approval has one per reviewer key, so 16 is generous.</summary>
    public const int MaxSignatures = 16;

    /// <summary>Creates a verifier.</summary>
    /// <param name="keys">The trusted reviewer keys.</param>
    /// <param name="nonces">The nonce ledger.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="clockSkew">Tolerance for issuers whose clocks run ahead (applies to not-yet-valid only).</param>
    /// <param name="maxApprovalLifetime">The longest validity period (expires-at minus issued-at) accepted; <see langword="null"/> for no
    /// limit.</param>
    /// <param name="maxEnvelopeBytes">The largest envelope accepted: payload type, payload and signature bytes together.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="clockSkew"/> is negative, <paramref name="maxApprovalLifetime"/>
    /// or <paramref name="maxEnvelopeBytes"/> is not positive.</exception>
    public DsseApprovalVerifier(TrustedReviewerKeyRegistry keys, IApprovalNonceLedger nonces, TimeProvider timeProvider, TimeSpan clockSkew = default,
        TimeSpan? maxApprovalLifetime = null, int maxEnvelopeBytes = DsseEnvelope.DefaultMaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEnvelopeBytes, 1);
        _maxEnvelopeBytes = maxEnvelopeBytes;
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(nonces);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(clockSkew, TimeSpan.Zero);
        if (maxApprovalLifetime is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(max, TimeSpan.Zero, nameof(maxApprovalLifetime));
        }

        _maxLifetime = maxApprovalLifetime;
        _keys = keys;
        _nonces = nonces;
        _timeProvider = timeProvider;
        _clockSkew = clockSkew;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public async ValueTask<ApprovalVerification> VerifyAsync(DsseEnvelope envelope, ApprovalExpectation expectation,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(expectation);
        if (envelope.Signatures.Count == 0)
        {
            return Fail(ApprovalFailureReason.MissingSignature, "The envelope carries no signature.");
        }

        if (envelope.Signatures.Count > MaxSignatures || Size(envelope) > _maxEnvelopeBytes)
        {
            return Fail(ApprovalFailureReason.EnvelopeTooLarge, TooLargeDetail(envelope.Signatures.Count, Size(envelope), _maxEnvelopeBytes));
        }

        var pae = envelope.GetPreAuthenticationEncoding();
        var keys = _keys.GetKeys();
        TrustedReviewerKey? signer = null;
        var namesTrustedKey = false;
        foreach (var signature in envelope.Signatures)
        {
            // The key id only chooses which key to try first; whichever trusted key verifies identifies the reviewer.
            foreach (var key in keys)
            {
                if (string.Equals(signature.KeyId, key.KeyId, StringComparison.Ordinal))
                {
                    namesTrustedKey = true;
                    if (key.VerifySignature(pae, signature.Signature.Span))
                    {
                        signer = key;
                    }
                }
            }

            for (var i = 0; signer is null && i < keys.Count; i++)
            {
                if (!string.Equals(signature.KeyId, keys[i].KeyId, StringComparison.Ordinal) && keys[i].VerifySignature(pae,
                    signature.Signature.Span))
                {
                    signer = keys[i];
                }
            }

            if (signer is not null)
            {
                break;
            }
        }

        if (signer is null)
        {
            return namesTrustedKey
                ? Fail(ApprovalFailureReason.BadSignature,
                    "The signature does not verify with the trusted key the envelope names: payload or payload type changed, or the key id is " +
                    "forged.")
                : Fail(ApprovalFailureReason.UnknownKey, "No trusted reviewer key verifies the signature.");
        }

        var now = _timeProvider.GetUtcNow();
        if (_keys.TryGetRevocation(signer.KeyId, out var revokedAt))
        {
            return Fail(ApprovalFailureReason.KeyRevoked, RevokedDetail(signer, revokedAt), signer.KeyId);
        }

        if (now < signer.ValidFrom)
        {
            return Fail(ApprovalFailureReason.KeyNotYetValid, $"Key {signer.KeyId} is valid from {signer.ValidFrom:O}.", signer.KeyId);
        }

        if (now >= signer.ValidUntil)
        {
            return Fail(ApprovalFailureReason.KeyExpired, $"Key {signer.KeyId} expired at {signer.ValidUntil:O}.", signer.KeyId);
        }

        if (!string.Equals(envelope.PayloadType, Dsse.InTotoPayloadType, StringComparison.Ordinal))
        {
            return Fail(ApprovalFailureReason.UnsupportedPayloadType,
                $"The payload type '{UntrustedText.Quote(envelope.PayloadType)}' is not '{Dsse.InTotoPayloadType}'.", signer.KeyId);
        }

        if (!ApprovalStatement.TryParse(envelope.Payload.Span, out var statement, out var error))
        {
            return Fail(ApprovalFailureReason.MalformedStatement, error ?? "The payload is not an approval statement.", signer.KeyId);
        }

        var p = statement!.Predicate;
        var check = CheckBindings(signer, statement, expectation, now);
        if (check.Reason != ApprovalFailureReason.None)
        {
            return check with { Statement = statement, KeyId = signer.KeyId };
        }

        var digest = Sha256Digest.Compute(envelope.Payload.Span);
        if (!await _nonces.TryRecordAsync(p.Nonce, digest, p.ExpiresAt, cancellationToken).ConfigureAwait(false))
        {
            return new ApprovalVerification(ApprovalFailureReason.ReplayedNonce,
                $"Nonce {UntrustedText.Quote(p.Nonce)} was already used by a different approval.", statement, signer.KeyId);
        }

        return new ApprovalVerification(ApprovalFailureReason.None,
            $"Valid {UntrustedText.Quote(p.Kind)} {p.Decision.ToString().ToLowerInvariant()} by {p.ReviewerId} " +
            $"({UntrustedText.Quote(p.ReviewerRole)}).", statement, signer.KeyId);
    }

    private ApprovalVerification CheckBindings(TrustedReviewerKey signer, ApprovalStatement statement, ApprovalExpectation expected,
        DateTimeOffset now)
    {
        var p = statement.Predicate;
        if (!string.Equals(p.ReviewerId, signer.ReviewerId, StringComparison.Ordinal))
        {
            return Fail(ApprovalFailureReason.ReviewerMismatch,
                $"The statement names reviewer {UntrustedText.Quote(p.ReviewerId)} but the key belongs to {signer.ReviewerId}.");
        }

        if (!signer.HasRole(p.ReviewerRole))
        {
            return Fail(ApprovalFailureReason.RoleNotHeld,
                $"Reviewer {signer.ReviewerId} does not hold the role {UntrustedText.Quote(p.ReviewerRole)}.");
        }

        if (!statement.Covers(expected.ArtifactDigest))
        {
            return Fail(ApprovalFailureReason.SubjectDigestMismatch, $"The approval does not cover artifact sha256:{expected.ArtifactDigest}.");
        }

        if (p.Gate != expected.Gate)
        {
            return Fail(ApprovalFailureReason.WrongGate,
                $"The approval is for the {GateKindNames.ToWire(p.Gate)} gate, not {GateKindNames.ToWire(expected.Gate)}.");
        }

        if (!string.Equals(p.SystemId, expected.SystemId, StringComparison.Ordinal))
        {
            return Fail(ApprovalFailureReason.WrongSystem, $"The approval is for system {UntrustedText.Quote(p.SystemId)}, not {expected.SystemId}.");
        }

        if (!string.Equals(p.Environment, expected.Environment, StringComparison.Ordinal))
        {
            return Fail(ApprovalFailureReason.WrongEnvironment,
                $"The approval is for environment {UntrustedText.Quote(p.Environment)}, not {expected.Environment}.");
        }

        if (!string.Equals(p.PolicyVersion, expected.PolicyVersion, StringComparison.Ordinal))
        {
            return Fail(ApprovalFailureReason.PolicyVersionMismatch,
                $"The approval was given under policy {UntrustedText.Quote(p.PolicyVersion)}, not {expected.PolicyVersion}.");
        }

        if (now + _clockSkew < p.IssuedAt)
        {
            return Fail(ApprovalFailureReason.NotYetValid, $"The approval is issued at {p.IssuedAt:O}, in the future.");
        }

        if (now >= p.ExpiresAt)
        {
            return Fail(ApprovalFailureReason.Expired, $"The approval expired at {p.ExpiresAt:O}.");
        }

        if (_maxLifetime is { } maxLifetime && p.ExpiresAt - p.IssuedAt > maxLifetime)
        {
            return Fail(ApprovalFailureReason.ValidityTooLong,
                $"The approval is valid for {p.ExpiresAt - p.IssuedAt}, longer than the maximum {maxLifetime}.");
        }

        if (expected.NotIssuedBefore is { } bound && p.IssuedAt < bound)
        {
            return Fail(ApprovalFailureReason.IssuedBeforeReviewWasDue,
                $"The approval was issued at {p.IssuedAt:O}, before the review came due at {bound:O}.");
        }

        return default;
    }

    // Each detail is one interpolated string: Stryker cannot mutate a concatenation of interpolated strings passed to
    // string.Create (its handler argument) and then leaves every mutant of the enclosing method untested.
    private static string TooLargeDetail(int signatures, long bytes, int maxBytes) =>
        string.Create(CultureInfo.InvariantCulture,
            $"The envelope has {signatures} signatures and {bytes} bytes; at most {MaxSignatures} signatures and {maxBytes} bytes are accepted.");

    private static string RevokedDetail(TrustedReviewerKey key, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Key {key.KeyId} of reviewer {key.ReviewerId} was revoked at {at:O}; none of its approvals count, whatever issue time they claim.");

    private static long Size(DsseEnvelope envelope)
    {
        long size = envelope.PayloadType.Length + envelope.Payload.Length;
        foreach (var signature in envelope.Signatures)
        {
            size += signature.Signature.Length + (signature.KeyId?.Length ?? 0);
        }

        return size;
    }

    private static ApprovalVerification Fail(ApprovalFailureReason reason, string detail, string? keyId = null) => new(reason, detail, null, keyId);
}
