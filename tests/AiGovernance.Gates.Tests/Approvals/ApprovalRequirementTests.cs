using AiGovernance.Gates.Approvals;

namespace AiGovernance.Gates.Tests.Approvals;

/// <summary>A requirement names its kind, at least one non-empty role and at least one reviewer; any enumerable of roles
/// will do.</summary>
public class ApprovalRequirementTests
{
    private static IEnumerable<string> Lazily(params string[] roles)
    {
        foreach (var role in roles)
        {
            yield return role;
        }
    }

    [Fact]
    public void BlankKind_NamesArgument() =>
        Assert.Equal("kind", Assert.Throws<ArgumentException>(() => new ApprovalRequirement(" ", [ReviewerRoles.Executive])).ParamName);

    [Fact]
    public void NullRoles_NamesArgument() =>
        Assert.Equal("allowedRoles", Assert.Throws<ArgumentNullException>(() => new ApprovalRequirement(ApprovalKinds.ExecutiveSponsor, null!)).ParamName);

    [Fact]
    public void NoReviewer_NamesArgument() =>
        Assert.Equal("requiredReviewers", Assert.Throws<ArgumentOutOfRangeException>(
            () => new ApprovalRequirement(ApprovalKinds.ExecutiveSponsor, [ReviewerRoles.Executive], requiredReviewers: 0)).ParamName);

    [Fact]
    public void NoRole_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ApprovalRequirement(ApprovalKinds.ExecutiveSponsor, []));
        Assert.Equal("allowedRoles", ex.ParamName);
        Assert.StartsWith("At least one reviewer role must be allowed.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BlankRole_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ApprovalRequirement(ApprovalKinds.ExecutiveSponsor, [ReviewerRoles.Executive, " "]));
        Assert.Equal("allowedRoles", ex.ParamName);
        Assert.StartsWith("A reviewer role is empty.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LazilyEnumeratedRoles_AreReadOnceAndDeduplicated()
    {
        var requirement = new ApprovalRequirement(ApprovalKinds.LegalApproval,
            Lazily(ReviewerRoles.LegalCounsel, ReviewerRoles.ComplianceOfficer, ReviewerRoles.LegalCounsel));

        Assert.Equal([ReviewerRoles.LegalCounsel, ReviewerRoles.ComplianceOfficer], requirement.AllowedRoles);
        Assert.True(requirement.Allows(ReviewerRoles.ComplianceOfficer));
        Assert.False(requirement.Allows(ReviewerRoles.Executive));
    }
}
