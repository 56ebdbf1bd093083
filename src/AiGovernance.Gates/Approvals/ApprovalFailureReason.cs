namespace AiGovernance.Gates.Approvals;

/// <summary>Why a signed approval does not count. Verification fails closed: anything not proven valid is invalid.</summary>
public enum ApprovalFailureReason
{
    /// <summary>The approval is valid.</summary>
    None = 0,

    /// <summary>The envelope has no signature.</summary>
    MissingSignature = 1,

    /// <summary>A trusted key is named but its signature does not verify (tampered payload, swapped payload type, forged key id).</summary>
    BadSignature = 2,

    /// <summary>No trusted key verifies the signature.</summary>
    UnknownKey = 3,

    /// <summary>The verifying key was revoked.</summary>
    KeyRevoked = 4,

    /// <summary>The verifying key is not valid yet.</summary>
    KeyNotYetValid = 5,

    /// <summary>The verifying key has expired.</summary>
    KeyExpired = 6,

    /// <summary>The payload type is not an in-toto statement.</summary>
    UnsupportedPayloadType = 7,

    /// <summary>The payload is not a well-formed approval statement.</summary>
    MalformedStatement = 8,

    /// <summary>The statement names a different reviewer than the one the key belongs to.</summary>
    ReviewerMismatch = 9,

    /// <summary>The key's reviewer does not hold the role the statement claims.</summary>
    RoleNotHeld = 10,

    /// <summary>The role may not give this kind of approval under the policy.</summary>
    RoleNotAllowedForKind = 11,

    /// <summary>The policy does not require this kind of approval at this tier (not counted, not blocking).</summary>
    KindNotRequired = 12,

    /// <summary>The statement's subject digest is not the artifact being gated.</summary>
    SubjectDigestMismatch = 13,

    /// <summary>The approval is for another gate.</summary>
    WrongGate = 14,

    /// <summary>The approval is for another AI system.</summary>
    WrongSystem = 15,

    /// <summary>The approval is for another environment.</summary>
    WrongEnvironment = 16,

    /// <summary>The approval was given under another policy version.</summary>
    PolicyVersionMismatch = 17,

    /// <summary>The approval's validity has not started.</summary>
    NotYetValid = 18,

    /// <summary>The approval has expired.</summary>
    Expired = 19,

    /// <summary>The approval was issued before the review it should answer came due (for example before an incident).</summary>
    IssuedBeforeReviewWasDue = 20,

    /// <summary>The same reviewer already counts for this approval kind.</summary>
    DuplicateReviewer = 21,

    /// <summary>The nonce was already used by a different statement.</summary>
    ReplayedNonce = 22,

    /// <summary>The approval's validity period (issued-at to expires-at) exceeds the configured maximum.</summary>
    ValidityTooLong = 23,

    /// <summary>The envelope is larger than the verifier accepts or carries more signatures than it tries; refused before
    /// any signature is checked.</summary>
    EnvelopeTooLarge = 24,

    /// <summary>The verifier threw instead of answering; the gate counts the approval as invalid (fail closed) and names
    /// only the exception type.</summary>
    VerificationError = 25,

    /// <summary>The reviewer already counts for another approval kind, and the policy requires a different person for each
    /// kind at this tier (separation of duties, <see cref="ApprovalPolicy.DistinctReviewersAcrossKinds"/>).</summary>
    SameReviewerAcrossKinds = 26,
}
