using System.Text;
using AiGovernance.Core;
using AiGovernance.Gates.Approvals;
using AiGovernance.Gates.Classification;
using AiGovernance.Gates.Decisions;

namespace AiGovernance.Gates.Tests.Decisions;

public class GovernanceGateTests
{
    [Fact]
    public async Task HappyPath_FromClassificationToAnAllowedDeployment()
    {
        using var f = new ApprovalFixture();
        var ct = TestContext.Current.CancellationToken;

        // 1. Classify the use case: creditworthiness in the EU, automated, profiling → high risk.
        var classification = new RiskClassifier(new RiskClassificationOptions(), f.Clock).Classify(new UseCaseProfile("credit-scoring")
        {
            HighRiskUseCases = [AnnexIIIUseCase.Creditworthiness],
            DecisionAutonomy = DecisionAutonomy.Automated,
            ProfilesNaturalPersons = true,
            AffectedRights = [FundamentalRight.NonDiscrimination],
            DeploymentRegions = ["EU"],
        });
        Assert.Equal(RiskTier.High, classification.Tier);
        var system = new AiSystem("credit-scoring", "Credit scoring", "1.4.0", new AiSystemOwners("biz", "tech", "ops"), classification.Tier);

        // 2. Use-case gate, with the use-case document as artifact.
        var useCaseDoc = ModelArtifact.FromBytes("credit-scoring-use-case", "1", Encoding.UTF8.GetBytes("business case + risk classification"));
        var useCaseApprovals = new List<DsseEnvelope>();
        foreach (var (reviewer, role, kind) in Reviewers)
        {
            useCaseApprovals.Add(await f.SignAsync(f.Predicate(reviewer, role, kind, GateKind.UseCase), useCaseDoc));
        }

        var useCase = await f.Gate.EnforceAsync(new GateRequest
        {
            Gate = GateKind.UseCase, System = system, Artifact = useCaseDoc, Environment = ApprovalFixture.Environment,
            Approvals = useCaseApprovals, Classification = classification, Actor = "governance-board",
        }, ct);
        Assert.True(useCase.IsAllowed);

        // 3. Deployment gate: the five signed approvals bound to the model's digest, round-tripped through JSON.
        var json = (await f.HighRiskSetAsync()).Select(e => e.ToJson()).ToList();
        var deployment = await f.Gate.EnforceAsync(new GateRequest
        {
            Gate = GateKind.Deployment, System = system, Artifact = f.Artifact, Environment = ApprovalFixture.Environment,
            Approvals = [.. json.Select(DsseEnvelope.Parse)], Classification = classification, Actor = "ci",
        }, ct);

        Assert.True(deployment.IsAllowed);
        Assert.Equal(RiskTier.High, deployment.Tier);
        Assert.Equal(5, deployment.AcceptedApprovals.Count);
        Assert.Empty(deployment.MissingApprovals);
        Assert.Empty(deployment.InvalidApprovals);
        Assert.Equal(f.Artifact.Digest, deployment.ArtifactDigest);

        // 4. Both decisions are in the hash-chained audit log.
        var records = f.Audit.Snapshot();
        Assert.Equal(["gate.use-case.decided", "gate.deployment.decided"], records.Select(r => r.EventType));
        Assert.Equal(f.Artifact.Digest, records[1].ArtifactDigest);
        Assert.True(records[1].Payload!.Value.GetProperty("allowed").GetBoolean());
        Assert.True((await f.Audit.VerifyAsync(ct)).IsValid);
    }

    private static readonly (string Reviewer, string Role, string Kind)[] Reviewers =
    [
        ("alice", ReviewerRoles.ModelValidator, ApprovalKinds.TechnicalValidation),
        ("bob", ReviewerRoles.FairnessAuditor, ApprovalKinds.FairnessAudit),
        ("carol", ReviewerRoles.SecurityReviewer, ApprovalKinds.SecurityReview),
        ("dave", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval),
        ("erin", ReviewerRoles.Executive, ApprovalKinds.ExecutiveSponsor),
    ];

    [Fact]
    public async Task NoApprovals_BlockedListingEveryMissingKindOfTheTier()
    {
        using var f = new ApprovalFixture();
        var decision = await f.Gate.EvaluateAsync(f.Request([], RiskTier.Medium), TestContext.Current.CancellationToken);

        Assert.False(decision.IsAllowed);
        Assert.Equal([ApprovalKinds.TechnicalValidation, ApprovalKinds.FairnessAudit, ApprovalKinds.SecurityReview], decision.MissingApprovals.Select(m => m.Kind));
        var ex = await Assert.ThrowsAsync<DeploymentBlockedException>(() => f.Gate.EnforceAsync(f.Request([], RiskTier.Medium), TestContext.Current.CancellationToken).AsTask());
        Assert.Equal(3, ex.MissingApprovals.Count);
        Assert.IsAssignableFrom<AiGovernanceException>(ex);
        Assert.Contains("Missing fairness_audit: 0 of 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LowTier_NeedsTechnicalValidationAndAutomatedChecks()
    {
        using var f = new ApprovalFixture();
        var approvals = new List<DsseEnvelope>
        {
            await f.ApproveAsync("alice", ReviewerRoles.ModelValidator, ApprovalKinds.TechnicalValidation),
            await f.ApproveAsync("pipeline", ReviewerRoles.Pipeline, ApprovalKinds.AutomatedChecks),
        };
        Assert.True((await f.Gate.EvaluateAsync(f.Request(approvals, RiskTier.Low), TestContext.Current.CancellationToken)).IsAllowed);
        Assert.False((await f.Gate.EvaluateAsync(f.Request(approvals, RiskTier.Medium), TestContext.Current.CancellationToken)).IsAllowed);
    }

    [Fact]
    public async Task ClassificationAboveTheRecordedTier_TheHigherTierApplies()
    {
        using var f = new ApprovalFixture();
        var approvals = await f.HighRiskSetAsync();
        approvals.RemoveAt(4);
        var classification = new RiskClassifier(new RiskClassificationOptions(), f.Clock).Classify(
            new UseCaseProfile("x") { HighRiskUseCases = [AnnexIIIUseCase.Recruitment] });

        var decision = await f.Gate.EvaluateAsync(f.Request(approvals, RiskTier.Medium) with { Classification = classification }, TestContext.Current.CancellationToken);

        Assert.Equal(RiskTier.High, decision.Tier);
        Assert.Equal(ApprovalKinds.ExecutiveSponsor, Assert.Single(decision.MissingApprovals).Kind);
    }

    [Fact]
    public async Task EveryDecision_IsAudited_BlockedOnesToo()
    {
        using var f = new ApprovalFixture();
        await f.Gate.EvaluateAsync(f.Request([]), TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<DeploymentBlockedException>(() => f.Gate.EnforceAsync(f.Request([]), TestContext.Current.CancellationToken).AsTask());

        var records = f.Audit.Snapshot();
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.False(r.Payload!.Value.GetProperty("allowed").GetBoolean()));
        Assert.Equal("ci", records[0].Actor);
        Assert.Equal("credit-scoring", records[0].SystemId);
    }

    [Fact]
    public async Task Request_EmptyEnvironment_NamesRequest()
    {
        using var f = new ApprovalFixture();
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => f.Gate.EvaluateAsync(f.Request([]) with { Environment = " " }, TestContext.Current.CancellationToken).AsTask());
        Assert.Equal("request", ex.ParamName);
    }

    [Fact]
    public async Task ContinuationGate_NotDue_AllowsWithoutApprovals()
    {
        using var f = new ApprovalFixture();
        var decision = await f.Gate.EvaluateAsync(f.Request([], gate: GateKind.Continuation) with { LastReviewedAt = ApprovalFixture.Start.AddDays(-30) }, TestContext.Current.CancellationToken);

        Assert.True(decision.IsAllowed);
        Assert.Equal(ApprovalFixture.Start.AddDays(60), decision.ContinuationReview!.Value.DueAt);
        Assert.Contains("not due", decision.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContinuationGate_IntervalElapsed_RequiresApprovalsIssuedSinceTheLastReview()
    {
        using var f = new ApprovalFixture();
        var lastReview = ApprovalFixture.Start.AddDays(-91);
        var request = f.Request(await f.HighRiskSetAsync(GateKind.Continuation), gate: GateKind.Continuation) with { LastReviewedAt = lastReview };

        var decision = await f.Gate.EvaluateAsync(request, TestContext.Current.CancellationToken);

        Assert.True(decision.IsAllowed);
        Assert.True(decision.ContinuationReview!.Value.IsDue);
        Assert.False((await f.Gate.EvaluateAsync(request with { Approvals = [] }, TestContext.Current.CancellationToken)).IsAllowed);
    }

    [Fact]
    public async Task ContinuationGate_WithoutStatus_RequiresApprovals()
    {
        using var f = new ApprovalFixture();
        Assert.False((await f.Gate.EvaluateAsync(f.Request([], gate: GateKind.Continuation), TestContext.Current.CancellationToken)).IsAllowed);
    }

    [Fact]
    public async Task ContinuationGate_AfterIncident_OnlyApprovalsIssuedAfterTheIncidentCount()
    {
        using var f = new ApprovalFixture();
        var before = await f.HighRiskSetAsync(GateKind.Continuation);
        f.Clock.Advance(TimeSpan.FromHours(2));
        var incident = new ContinuationTriggerEvent(ContinuationTrigger.Incident, ApprovalFixture.Start.AddHours(1), Severity.High, "biased denials reported");
        var due = f.Request(before, gate: GateKind.Continuation) with { LastReviewedAt = ApprovalFixture.Start.AddDays(-10), ContinuationTriggers = [incident] };

        var stale = await f.Gate.EvaluateAsync(due, TestContext.Current.CancellationToken);
        Assert.False(stale.IsAllowed);
        Assert.All(stale.InvalidApprovals, i => Assert.Equal(ApprovalFailureReason.IssuedBeforeReviewWasDue, i.Reason));

        var fresh = await f.HighRiskSetAsync(GateKind.Continuation);
        var decision = await f.Gate.EvaluateAsync(due with { Approvals = fresh }, TestContext.Current.CancellationToken);
        Assert.True(decision.IsAllowed);
        Assert.True(decision.ContinuationReview!.Value.IsDue);
        Assert.Equal(incident.OccurredAt, decision.ContinuationReview.Value.ApprovalsNotIssuedBefore);
    }
}
