using System.Text;
using AiGovernance.Core;

namespace AiGovernance.Gates.Decisions;

/// <summary>A gate's decision: allowed or blocked, and exactly why.</summary>
public sealed record GateDecision
{
    /// <summary>The gate.</summary>
    public required GateKind Gate { get; init; }

    /// <summary>The AI system's identifier.</summary>
    public required string SystemId { get; init; }

    /// <summary>The digest of the artifact the decision is bound to.</summary>
    public required Sha256Digest ArtifactDigest { get; init; }

    /// <summary>The target environment.</summary>
    public required string Environment { get; init; }

    /// <summary>The tier the decision applied.</summary>
    public required RiskTier Tier { get; init; }

    /// <summary>The approval policy's version.</summary>
    public required string PolicyVersion { get; init; }

    /// <summary>Whether the gate lets the system through.</summary>
    public required bool IsAllowed { get; init; }

    /// <summary>Approval kinds without enough valid approvals.</summary>
    public required IReadOnlyList<MissingApproval> MissingApprovals { get; init; }

    /// <summary>Presented approvals that do not count, with reasons.</summary>
    public required IReadOnlyList<InvalidApproval> InvalidApprovals { get; init; }

    /// <summary>Valid explicit rejections.</summary>
    public required IReadOnlyList<ApprovalRejection> Rejections { get; init; }

    /// <summary>Valid approvals counted towards the requirements.</summary>
    public required IReadOnlyList<AcceptedApproval> AcceptedApprovals { get; init; }

    /// <summary>Sentences explaining the decision.</summary>
    public required IReadOnlyList<string> Reasons { get; init; }

    /// <summary>When the decision was made.</summary>
    public required DateTimeOffset DecidedAt { get; init; }

    /// <summary>At the continuation gate, the review status the decision applied; otherwise <see langword="null"/>.</summary>
    public ContinuationReviewStatus? ContinuationReview { get; init; }

    /// <summary>A one-paragraph summary listing what blocks the gate.</summary>
    /// <returns>The summary.</returns>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(GateKindNames.ToWire(Gate)).Append(" gate ").Append(IsAllowed ? "allowed" : "blocked")
            .Append(" for system ").Append(SystemId).Append(" (").Append(Tier).Append(") artifact sha256:").Append(ArtifactDigest)
            .Append(" in ").Append(Environment).Append('.');
        foreach (var reason in Reasons)
        {
            text.Append(' ').Append(reason);
        }

        return text.ToString();
    }
}
