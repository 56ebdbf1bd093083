using AiGovernance.Core;
using AiGovernance.Gates.Approvals;

namespace AiGovernance.Gates.Tests.Approvals;

/// <summary>An approval policy is refused, naming the tier, when a tier requires nothing, lists a kind twice or holds a
/// missing requirement; the configured form builds exactly the requirements configured.</summary>
public class ApprovalPolicyTests
{
    private static readonly ApprovalRequirement Technical = new(ApprovalKinds.TechnicalValidation, [ReviewerRoles.ModelValidator]);
    private static readonly ApprovalRequirement Fairness = new(ApprovalKinds.FairnessAudit, [ReviewerRoles.FairnessAuditor]);

    [Fact]
    public void BlankVersion_NamesArgument() =>
        Assert.Equal("version", Assert.Throws<ArgumentException>(() => new ApprovalPolicy(" ", [Technical], [Technical], [Technical])).ParamName);

    [Fact]
    public void NullTier_NamesTheTier() =>
        Assert.Equal("medium", Assert.Throws<ArgumentNullException>(() => new ApprovalPolicy("v", [Technical], null!, [Technical])).ParamName);

    [Fact]
    public void TierRequiringNothing_IsRefusedNamingTheTier()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ApprovalPolicy("v", [Technical], [Technical], []));
        Assert.Equal("high", ex.ParamName);
        Assert.StartsWith("A tier must require at least one approval.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TierListingAKindTwice_IsRefusedNamingTheKind()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ApprovalPolicy("v", [Technical, Fairness, Technical], [Technical], [Technical]));
        Assert.Equal("low", ex.ParamName);
        Assert.StartsWith("The approval kind 'technical_validation' is listed twice.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TierHoldingANullRequirement_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ApprovalPolicy("v", [Technical], [Technical, null!], [Technical]));
        Assert.Equal("medium", ex.ParamName);
        Assert.StartsWith("A requirement is null.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UndefinedTierForDistinctReviewers_IsRefusedNamingIt()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => new ApprovalPolicy("v", [Technical], [Technical], [Technical]) { DistinctReviewersAcrossKinds = new HashSet<RiskTier> { (RiskTier)42 } });
        Assert.StartsWith("Unknown risk tier 42.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_BuildExactlyTheConfiguredRequirements()
    {
        var options = new ApprovalPolicyOptions
        {
            Version = "policy-9",
            Medium = [new ApprovalRequirementOptions { Kind = ApprovalKinds.SecurityReview, AllowedRoles = [ReviewerRoles.SecurityReviewer], RequiredReviewers = 2 }],
        };

        var policy = options.CreatePolicy();

        var security = Assert.Single(policy.GetRequirements(RiskTier.Medium));
        Assert.Equal((ApprovalKinds.SecurityReview, 2), (security.Kind, security.RequiredReviewers));
        Assert.Equal([ReviewerRoles.SecurityReviewer], security.AllowedRoles);
        Assert.Equal([ApprovalKinds.TechnicalValidation, ApprovalKinds.AutomatedChecks], policy.GetRequirements(RiskTier.Low).Select(r => r.Kind));
    }

    [Fact]
    public void Options_NullRequirement_NamesTheConfiguredList()
    {
        var options = new ApprovalPolicyOptions { High = [null!] };
        Assert.Equal("configured", Assert.Throws<ArgumentNullException>(options.CreatePolicy).ParamName);
    }

    [Fact]
    public void Options_RequirementWithoutRoles_IsRefusedAsAllowingNoRole()
    {
        var options = new ApprovalPolicyOptions { Low = [new ApprovalRequirementOptions { Kind = ApprovalKinds.AutomatedChecks, AllowedRoles = null! }] };

        var ex = Assert.Throws<ArgumentException>(options.CreatePolicy);

        Assert.Equal("allowedRoles", ex.ParamName);
        Assert.StartsWith("At least one reviewer role must be allowed.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_RequirementWithTheDefaultKind_IsRefused()
    {
        var options = new ApprovalPolicyOptions { Low = [new ApprovalRequirementOptions { AllowedRoles = [ReviewerRoles.Pipeline] }] };
        Assert.Equal("kind", Assert.Throws<ArgumentException>(options.CreatePolicy).ParamName);
    }
}
