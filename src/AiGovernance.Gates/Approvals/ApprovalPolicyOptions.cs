using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AiGovernance.Gates.Approvals;

/// <summary>The approval policy in configuration form. A tier's list left <see langword="null"/> takes the default policy's
/// requirements for that tier (see <see cref="ApprovalPolicy.CreateDefault(string)"/>).</summary>
public sealed class ApprovalPolicyOptions
{
    /// <summary>The policy's version, cited by every signed approval.</summary>
    /// <value>The default value is <c>seed-1</c>.</value>
    [Required]
    public string Version { get; set; } = "seed-1";

    /// <summary>The requirements for <c>Low</c>.</summary>
    /// <value>The default value is <see langword="null"/>: technical validation and automated checks.</value>
    [ValidateEnumeratedItems]
    public IList<ApprovalRequirementOptions>? Low { get; set; }

    /// <summary>The requirements for <c>Medium</c>.</summary>
    /// <value>The default value is <see langword="null"/>: technical validation, fairness audit and security review.</value>
    [ValidateEnumeratedItems]
    public IList<ApprovalRequirementOptions>? Medium { get; set; }

    /// <summary>The requirements for <c>High</c>.</summary>
    /// <value>The default value is <see langword="null"/>: technical validation, fairness audit, security review, legal
    /// approval and executive sponsor.</value>
    [ValidateEnumeratedItems]
    public IList<ApprovalRequirementOptions>? High { get; set; }

    /// <summary>The tiers at which different approval kinds need different people (separation of duties across kinds).</summary>
    /// <value>The default value is <see langword="null"/>: High only. An empty list turns the rule off.</value>
    public IList<Core.RiskTier>? DistinctReviewersAcrossKinds { get; set; }

    /// <summary>Builds the policy.</summary>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentException">The version is empty, or a tier's requirements are invalid (empty, duplicate kinds, no roles).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A requirement needs fewer than one reviewer, or
    /// <see cref="DistinctReviewersAcrossKinds"/> names an undefined tier.</exception>
    public ApprovalPolicy CreatePolicy()
    {
        var seed = ApprovalPolicy.CreateDefault(Version);
        return new ApprovalPolicy(Version,
            Convert(Low, seed, Core.RiskTier.Low),
            Convert(Medium, seed, Core.RiskTier.Medium),
            Convert(High, seed, Core.RiskTier.High))
        {
            DistinctReviewersAcrossKinds = DistinctReviewersAcrossKinds is { } tiers
                ? new HashSet<Core.RiskTier>(tiers)
                : seed.DistinctReviewersAcrossKinds,
        };
    }

    private static IReadOnlyList<ApprovalRequirement> Convert(IList<ApprovalRequirementOptions>? configured, ApprovalPolicy seed, Core.RiskTier tier)
    {
        if (configured is null)
        {
            return seed.GetRequirements(tier);
        }

        var list = new List<ApprovalRequirement>(configured.Count);
        foreach (var item in configured)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(configured));
            list.Add(new ApprovalRequirement(item.Kind, item.AllowedRoles ?? [], item.RequiredReviewers));
        }

        return list;
    }
}
