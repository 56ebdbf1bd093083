using AiGovernance.Core;
using AiGovernance.Shared;

namespace AiGovernance.Gates.Approvals;

/// <summary>The approvals each risk tier requires at a gate, under a named policy version that signed approvals cite.</summary>
/// <remarks>A <see cref="RiskTier.Prohibited"/> system requires nothing because nothing can approve it: the gates block it.
/// Separation of duties: within one approval kind the reviewers must always be distinct; across kinds only at the tiers in
/// <see cref="DistinctReviewersAcrossKinds"/> (High by default), where one person — even one key holding several roles —
/// counts for one kind only.</remarks>
public sealed class ApprovalPolicy
{
    private readonly IReadOnlyList<ApprovalRequirement> _low;
    private readonly IReadOnlyList<ApprovalRequirement> _medium;
    private readonly IReadOnlyList<ApprovalRequirement> _high;

    /// <summary>Creates a policy.</summary>
    /// <param name="version">The policy's version; a signed approval is valid only under the version it names.</param>
    /// <param name="low">The requirements for <see cref="RiskTier.Low"/>.</param>
    /// <param name="medium">The requirements for <see cref="RiskTier.Medium"/>.</param>
    /// <param name="high">The requirements for <see cref="RiskTier.High"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="version"/> is empty, a tier requires nothing, or names a kind twice.</exception>
    /// <exception cref="ArgumentNullException">A list is null.</exception>
    public ApprovalPolicy(string version, IEnumerable<ApprovalRequirement> low, IEnumerable<ApprovalRequirement> medium,
        IEnumerable<ApprovalRequirement> high)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        Version = version;
        _low = Check(low, nameof(low));
        _medium = Check(medium, nameof(medium));
        _high = Check(high, nameof(high));
    }

    /// <summary>The policy's version.</summary>
    public string Version { get; }

    /// <summary>The tiers at which each approval kind needs different people: a reviewer who counts for one kind cannot count
    /// for another (their other approvals are invalid with <see cref="ApprovalFailureReason.SameReviewerAcrossKinds"/>).
    /// The gate assigns reviewers to kinds so that as many requirements as possible are met.</summary>
    /// <value>The default value is { <see cref="RiskTier.High"/> }; an empty set turns the rule off.</value>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The value set holds an undefined tier.</exception>
    public IReadOnlySet<RiskTier> DistinctReviewersAcrossKinds
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            RuleViolation.ThrowFirst(DistinctTierViolations(value, nameof(value)));
            field = new HashSet<RiskTier>(value);
        }
    } = new HashSet<RiskTier> { RiskTier.High };

    /// <summary>Whether the tier requires different people for different approval kinds.</summary>
    /// <param name="tier">The tier.</param>
    /// <returns><see langword="true"/> when <see cref="DistinctReviewersAcrossKinds"/> holds the tier.</returns>
    public bool RequiresDistinctReviewersAcrossKinds(RiskTier tier) => DistinctReviewersAcrossKinds.Contains(tier);

    /// <summary>The default policy (tiered governance intensity, docs/background.md): High — technical validation, fairness audit, security review,
    /// legal approval, executive
    /// sponsor; Medium — technical validation, fairness audit, security review; Low — technical validation, automated
    /// checks; one reviewer each.</summary>
    /// <param name="version">The policy's version.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentException"><paramref name="version"/> is empty.</exception>
    public static ApprovalPolicy CreateDefault(string version = "seed-1")
    {
        var technical = new ApprovalRequirement(ApprovalKinds.TechnicalValidation, [ReviewerRoles.ModelValidator, ReviewerRoles.TechnicalOwner]);
        var fairness = new ApprovalRequirement(ApprovalKinds.FairnessAudit, [ReviewerRoles.FairnessAuditor]);
        var security = new ApprovalRequirement(ApprovalKinds.SecurityReview, [ReviewerRoles.SecurityReviewer]);
        var legal = new ApprovalRequirement(ApprovalKinds.LegalApproval, [ReviewerRoles.LegalCounsel, ReviewerRoles.ComplianceOfficer]);
        var executive = new ApprovalRequirement(ApprovalKinds.ExecutiveSponsor, [ReviewerRoles.Executive]);
        var automated = new ApprovalRequirement(ApprovalKinds.AutomatedChecks, [ReviewerRoles.Pipeline]);
        return new ApprovalPolicy(version, [technical, automated], [technical, fairness, security],
            [technical, fairness, security, legal, executive]);
    }

    /// <summary>The requirements of a tier.</summary>
    /// <param name="tier">The tier.</param>
    /// <returns>The requirements; empty for <see cref="RiskTier.Prohibited"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tier"/> is not a defined tier.</exception>
    public IReadOnlyList<ApprovalRequirement> GetRequirements(RiskTier tier) => tier switch
    {
        RiskTier.Low => _low,
        RiskTier.Medium => _medium,
        RiskTier.High => _high,
        RiskTier.Prohibited => [],
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown risk tier."),
    };

    /// <summary>The rules of one tier's requirements, written once: the constructor throws the first broken one and
    /// <c>GatesOptionsCustomValidator</c> lists them all for a configured tier. A null kind stands for a missing requirement.</summary>
    internal static IEnumerable<RuleViolation> TierViolations(IEnumerable<string?> kinds, string paramName)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kind in kinds)
        {
            if (kind is null)
            {
                yield return new RuleViolation(paramName, "A requirement is null.");
            }
            else if (!seen.Add(kind))
            {
                yield return new RuleViolation(paramName, $"The approval kind '{kind}' is listed twice.");
            }
        }

        if (seen.Count == 0)
        {
            yield return new RuleViolation(paramName, "A tier must require at least one approval.");
        }
    }

    /// <summary>The rule of <see cref="DistinctReviewersAcrossKinds"/>: every tier defined.</summary>
    internal static IEnumerable<RuleViolation> DistinctTierViolations(IEnumerable<RiskTier> tiers, string paramName) =>
        tiers.Where(t => !Enum.IsDefined(t)).Select(t => new RuleViolation(paramName, $"Unknown risk tier {(int)t}.", OutOfRange: true));

    private static ApprovalRequirement[] Check(IEnumerable<ApprovalRequirement> requirements, string paramName)
    {
        ArgumentNullException.ThrowIfNull(requirements, paramName);
        ApprovalRequirement[] list = [.. requirements];
        RuleViolation.ThrowFirst(TierViolations(list.Select(r => r?.Kind), paramName));
        return list;
    }
}
