using AiGovernance.Core;

namespace AiGovernance.Gates.Approvals;

/// <summary>What a signed approval must be bound to for the gate being evaluated.</summary>
public sealed record ApprovalExpectation
{
    /// <summary>The gate.</summary>
    public required GateKind Gate { get; init; }

    /// <summary>The AI system's identifier.</summary>
    public required string SystemId { get; init; }

    /// <summary>The target environment.</summary>
    public required string Environment { get; init; }

    /// <summary>The digest of the artifact being gated.</summary>
    public required Sha256Digest ArtifactDigest { get; init; }

    /// <summary>The approval policy's version.</summary>
    public required string PolicyVersion { get; init; }

    /// <summary>Approvals issued before this moment do not count (for example, reviews due after an incident); <see langword="null"/> for no
    /// bound.</summary>
    public DateTimeOffset? NotIssuedBefore { get; init; }
}
