using System.Security.Cryptography;

namespace AiGovernance.Gates.Approvals;

/// <summary>The predicate of a signed approval: which gate, kind, system and environment it is for, under which policy,
/// who decided what, and when it is valid.</summary>
public sealed record ApprovalPredicate
{
    /// <summary>The gate the approval is for.</summary>
    public required GateKind Gate { get; init; }

    /// <summary>The approval kind, for example <see cref="ApprovalKinds.SecurityReview"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The AI system's identifier.</summary>
    public required string SystemId { get; init; }

    /// <summary>The target environment, for example <c>production</c>.</summary>
    public required string Environment { get; init; }

    /// <summary>The approval policy version the reviewer approved under.</summary>
    public required string PolicyVersion { get; init; }

    /// <summary>The reviewer's identifier; must be the reviewer the signing key is registered to.</summary>
    public required string ReviewerId { get; init; }

    /// <summary>The role the reviewer acts in; must be one of the key's roles and allowed for the kind.</summary>
    public required string ReviewerRole { get; init; }

    /// <summary>The decision.</summary>
    public required ApprovalDecision Decision { get; init; }

    /// <summary>When the approval was issued.</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>When the approval expires (exclusive).</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>A unique value; a nonce seen with a different statement is a replay.</summary>
    public required string Nonce { get; init; }

    /// <summary>Creates a fresh 128-bit random nonce as 32 hexadecimal characters.</summary>
    /// <returns>The nonce.</returns>
    public static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
