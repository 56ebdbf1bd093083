using AiGovernance.Core;
using AiGovernance.Gates.Approvals;
using AiGovernance.Gates.Decisions;

namespace AiGovernance.Gates.Tests.Approvals;

/// <summary>Separation of duties across approval kinds: at High risk (by default) one person — even one key holding
/// several roles — counts for one approval kind only.</summary>
public class SeparationOfDutiesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ApprovalFixture WithFrank(ApprovalPolicy? policy = null)
    {
        var f = new ApprovalFixture(policy);
        f.AddReviewer("frank", ReviewerRoles.ModelValidator, ReviewerRoles.FairnessAuditor);
        return f;
    }

    [Fact]
    public async Task HighRisk_OneKeyGivingTwoKinds_CountsForOneOnly()
    {
        using var f = WithFrank();
        List<DsseEnvelope> approvals =
        [
            await f.ApproveAsync("frank", ReviewerRoles.ModelValidator, ApprovalKinds.TechnicalValidation),
            await f.ApproveAsync("frank", ReviewerRoles.FairnessAuditor, ApprovalKinds.FairnessAudit),
            await f.ApproveAsync("carol", ReviewerRoles.SecurityReviewer, ApprovalKinds.SecurityReview),
            await f.ApproveAsync("dave", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval),
            await f.ApproveAsync("erin", ReviewerRoles.Executive, ApprovalKinds.ExecutiveSponsor),
        ];

        var decision = await f.Gate.EvaluateAsync(f.Request(approvals), Ct);

        Assert.False(decision.IsAllowed);
        var invalid = Assert.Single(decision.InvalidApprovals);
        Assert.Equal(
            (1, ApprovalFailureReason.SameReviewerAcrossKinds, "frank", ApprovalKinds.FairnessAudit),
            (invalid.Index, invalid.Reason, invalid.ReviewerId, invalid.Kind));
        Assert.Equal(
            "Reviewer frank already counts for technical_validation; the High policy requires a different person for each approval kind.",
            invalid.Detail);
        Assert.Equal(new MissingApproval(ApprovalKinds.FairnessAudit, 1, 0), Assert.Single(decision.MissingApprovals));
        Assert.DoesNotContain(decision.AcceptedApprovals, a => a.Kind == ApprovalKinds.FairnessAudit);
        var audited = f.Audit.Snapshot()[^1].Payload!.Value.GetProperty("invalid");
        Assert.Equal("SameReviewerAcrossKinds", Assert.Single(audited.EnumerateArray()).GetString());
    }

    [Fact]
    public async Task HighRisk_ReviewersAreAssignedToKindsNotTakenGreedily()
    {
        // frank's fairness approval comes first, but only frank can give technical validation and bob covers fairness:
        // the gate finds that assignment and lets the set through, reporting frank's second kind.
        using var f = WithFrank();
        List<DsseEnvelope> approvals =
        [
            await f.ApproveAsync("frank", ReviewerRoles.FairnessAuditor, ApprovalKinds.FairnessAudit),
            await f.ApproveAsync("frank", ReviewerRoles.ModelValidator, ApprovalKinds.TechnicalValidation),
            await f.ApproveAsync("bob", ReviewerRoles.FairnessAuditor, ApprovalKinds.FairnessAudit),
            await f.ApproveAsync("carol", ReviewerRoles.SecurityReviewer, ApprovalKinds.SecurityReview),
            await f.ApproveAsync("dave", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval),
            await f.ApproveAsync("erin", ReviewerRoles.Executive, ApprovalKinds.ExecutiveSponsor),
        ];

        var decision = await f.Gate.EvaluateAsync(f.Request(approvals), Ct);

        Assert.True(decision.IsAllowed);
        var invalid = Assert.Single(decision.InvalidApprovals);
        Assert.Equal((0, ApprovalFailureReason.SameReviewerAcrossKinds, "frank"), (invalid.Index, invalid.Reason, invalid.ReviewerId));
        Assert.Contains(decision.AcceptedApprovals, a => a is { ReviewerId: "frank", Kind: ApprovalKinds.TechnicalValidation });
        Assert.Contains(decision.AcceptedApprovals, a => a is { ReviewerId: "bob", Kind: ApprovalKinds.FairnessAudit });
    }

    [Fact]
    public async Task MediumRisk_ByDefault_OnePersonMayGiveSeveralKinds()
    {
        using var f = WithFrank();
        List<DsseEnvelope> approvals =
        [
            await f.ApproveAsync("frank", ReviewerRoles.ModelValidator, ApprovalKinds.TechnicalValidation),
            await f.ApproveAsync("frank", ReviewerRoles.FairnessAuditor, ApprovalKinds.FairnessAudit),
            await f.ApproveAsync("carol", ReviewerRoles.SecurityReviewer, ApprovalKinds.SecurityReview),
        ];

        var decision = await f.Gate.EvaluateAsync(f.Request(approvals, RiskTier.Medium), Ct);

        Assert.True(decision.IsAllowed);
        Assert.Empty(decision.InvalidApprovals);
    }

    [Fact]
    public async Task PolicyOption_RequiresDistinctPeopleAtTheConfiguredTiers()
    {
        var policy = new ApprovalPolicyOptions { Version = "policy-7", DistinctReviewersAcrossKinds = [RiskTier.Medium] }.CreatePolicy();
        Assert.True(policy.RequiresDistinctReviewersAcrossKinds(RiskTier.Medium));
        Assert.False(policy.RequiresDistinctReviewersAcrossKinds(RiskTier.High));
        using var f = WithFrank(policy);
        List<DsseEnvelope> approvals =
        [
            await f.ApproveAsync("frank", ReviewerRoles.ModelValidator, ApprovalKinds.TechnicalValidation),
            await f.ApproveAsync("frank", ReviewerRoles.FairnessAuditor, ApprovalKinds.FairnessAudit),
            await f.ApproveAsync("carol", ReviewerRoles.SecurityReviewer, ApprovalKinds.SecurityReview),
        ];

        var decision = await f.Gate.EvaluateAsync(f.Request(approvals, RiskTier.Medium), Ct);

        Assert.False(decision.IsAllowed);
        Assert.Equal(ApprovalFailureReason.SameReviewerAcrossKinds, Assert.Single(decision.InvalidApprovals).Reason);
    }

    [Fact]
    public void DefaultPolicy_SeparatesDutiesAtHighRiskOnly()
    {
        var policy = ApprovalPolicy.CreateDefault();
        Assert.Equal([RiskTier.High], policy.DistinctReviewersAcrossKinds);
        Assert.True(new ApprovalPolicyOptions().CreatePolicy().RequiresDistinctReviewersAcrossKinds(RiskTier.High));
        Assert.Empty(new ApprovalPolicyOptions { DistinctReviewersAcrossKinds = [] }.CreatePolicy().DistinctReviewersAcrossKinds);
    }

    [Fact]
    public void DistinctReviewersAcrossKinds_Guards()
    {
        var seed = ApprovalPolicy.CreateDefault();
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => seed.GetRequirements(RiskTier.Low) is { } low
            ? new ApprovalPolicy("v", low, low, low) { DistinctReviewersAcrossKinds = null! } : null).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => seed.GetRequirements(RiskTier.Low) is { } low
            ? new ApprovalPolicy("v", low, low, low) { DistinctReviewersAcrossKinds = new HashSet<RiskTier> { (RiskTier)42 } } : null).ParamName);
    }
    [Fact]
    public void Keep_ReviewerLeftWithoutASlot_KeepsTheirFirstApproval()
    {
        // One technical slot: alice fills it; amir has nothing else to fill, so his approval still counts (it is not a second
        // kind of his), and the gate reports it as accepted rather than invalid.
        ApprovalRequirement[] requirements = [new(ApprovalKinds.TechnicalValidation, [ReviewerRoles.ModelValidator])];

        var keep = SeparationOfDuties.Keep(requirements, [("alice", ApprovalKinds.TechnicalValidation), ("amir", ApprovalKinds.TechnicalValidation)]);

        Assert.Equal([true, true], keep);
    }

    [Fact]
    public void Keep_ReviewerWhoCannotBeMoved_KeepsTheirSlot()
    {
        // alice can give technical validation only; frank gives technical validation and fairness. frank must not take
        // alice's slot (she has nowhere else to go): he counts for fairness and his technical approval is dropped.
        ApprovalRequirement[] requirements =
        [
            new(ApprovalKinds.TechnicalValidation, [ReviewerRoles.ModelValidator]),
            new(ApprovalKinds.FairnessAudit, [ReviewerRoles.FairnessAuditor]),
        ];

        var keep = SeparationOfDuties.Keep(requirements,
            [("alice", ApprovalKinds.TechnicalValidation), ("frank", ApprovalKinds.TechnicalValidation), ("frank", ApprovalKinds.FairnessAudit)]);

        Assert.Equal([true, false, true], keep);
    }
}
