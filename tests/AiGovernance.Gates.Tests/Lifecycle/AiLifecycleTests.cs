using System.Text;
using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Gates.Approvals;
using AiGovernance.Gates.Decisions;
using AiGovernance.Gates.Lifecycle;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Gates.Tests.Lifecycle;

public class AiLifecycleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static EvidenceItem Evidence(string name) => EvidenceItem.FromContent(name, Encoding.UTF8.GetBytes("content of " + name));

    private static async Task RecordAllAsync(AiLifecycle lifecycle, LifecyclePhase phase)
    {
        foreach (var output in new LifecycleOptions().GetRequiredOutputs(phase))
        {
            await lifecycle.RecordEvidenceAsync(Evidence(output), "team", Ct);
        }
    }

    private static GateDecision Decision(GateKind gate, bool allowed, Sha256Digest digest, string systemId = "credit-scoring") => new()
    {
        Gate = gate,
        SystemId = systemId,
        ArtifactDigest = digest,
        Environment = "production",
        Tier = RiskTier.High,
        PolicyVersion = "p",
        IsAllowed = allowed,
        MissingApprovals = allowed ? [] : [new MissingApproval(ApprovalKinds.LegalApproval, 1, 0)],
        InvalidApprovals = [],
        Rejections = [],
        AcceptedApprovals = [],
        Reasons = [allowed ? "ok" : "Missing legal_approval: 0 of 1 valid approvals."],
        DecidedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public async Task Advance_WithoutOutputs_IsRefusedListingThem()
    {
        var audit = new InMemoryAuditLog(new FakeTimeProvider());
        using var lifecycle = new AiLifecycle("credit-scoring", new LifecycleOptions(), audit, new FakeTimeProvider());
        await lifecycle.RecordEvidenceAsync(Evidence("approved-use-case"), "owner", Ct);

        var result = await lifecycle.AdvanceAsync("owner", cancellationToken: Ct);

        Assert.False(result.Succeeded);
        Assert.Equal(LifecyclePhase.BusinessCaseAndRiskClassification, lifecycle.Phase);
        Assert.Equal(["risk-classification", "data-strategy"], result.MissingOutputs);
        Assert.Contains(result.Reasons, r => r.Contains("use-case gate's decision", StringComparison.Ordinal));
        Assert.Equal("lifecycle.advance.refused", audit.Snapshot()[^1].EventType);
    }

    [Fact]
    public async Task Advance_OutputsPresentButNoGateDecision_IsRefused()
    {
        using var lifecycle = new AiLifecycle("credit-scoring", new LifecycleOptions(), new InMemoryAuditLog(TimeProvider.System), new FakeTimeProvider());
        await RecordAllAsync(lifecycle, LifecyclePhase.BusinessCaseAndRiskClassification);

        var result = await lifecycle.AdvanceAsync("owner", cancellationToken: Ct);

        Assert.False(result.Succeeded);
        Assert.Empty(result.MissingOutputs);
    }

    [Fact]
    public async Task Advance_ThroughTheMatchingGateOnly()
    {
        using var lifecycle = new AiLifecycle("credit-scoring", new LifecycleOptions(), new InMemoryAuditLog(TimeProvider.System), new FakeTimeProvider());
        await RecordAllAsync(lifecycle, LifecyclePhase.BusinessCaseAndRiskClassification);
        var useCaseDigest = lifecycle.GetEvidence(LifecyclePhase.BusinessCaseAndRiskClassification)[0].Digest;

        Assert.False((await lifecycle.AdvanceAsync("owner", Decision(GateKind.Deployment, true, useCaseDigest), Ct)).Succeeded);
        Assert.False((await lifecycle.AdvanceAsync("owner", Decision(GateKind.UseCase, false, useCaseDigest), Ct)).Succeeded);
        Assert.False((await lifecycle.AdvanceAsync("owner", Decision(GateKind.UseCase, true, useCaseDigest, "other-system"), Ct)).Succeeded);
        var unbound = await lifecycle.AdvanceAsync("owner", Decision(GateKind.UseCase, true, Sha256Digest.Compute("something else"u8)), Ct);
        Assert.False(unbound.Succeeded);
        Assert.Contains(unbound.Reasons, r => r.Contains("not recorded as evidence", StringComparison.Ordinal));

        var ok = await lifecycle.AdvanceAsync("owner", Decision(GateKind.UseCase, true, useCaseDigest), Ct);
        Assert.True(ok.Succeeded);
        Assert.Equal((LifecyclePhase.BusinessCaseAndRiskClassification, LifecyclePhase.DesignAndDataPreparation), (ok.From, ok.To));
    }

    [Fact]
    public async Task FullLifecycle_FiveStepsWithReworkAndAudit()
    {
        var clock = new FakeTimeProvider();
        var audit = new InMemoryAuditLog(clock);
        using var lifecycle = new AiLifecycle("credit-scoring", new LifecycleOptions(), audit, clock);

        await RecordAllAsync(lifecycle, LifecyclePhase.BusinessCaseAndRiskClassification);
        var useCase = lifecycle.GetEvidence(LifecyclePhase.BusinessCaseAndRiskClassification)[0].Digest;
        Assert.True((await lifecycle.AdvanceAsync("owner", Decision(GateKind.UseCase, true, useCase), Ct)).Succeeded);

        // Phase 2 has no gate: outputs suffice, and refusing is exact about which one is missing.
        await lifecycle.RecordEvidenceAsync(Evidence("validated-dataset"), "data", Ct);
        Assert.Equal(["dataset-documentation", "preprocessing-code"], (await lifecycle.AdvanceAsync("data", cancellationToken: Ct)).MissingOutputs);
        await RecordAllAsync(lifecycle, LifecyclePhase.DesignAndDataPreparation);
        Assert.True((await lifecycle.AdvanceAsync("data", cancellationToken: Ct)).Succeeded);

        await RecordAllAsync(lifecycle, LifecyclePhase.DevelopmentAndValidation);
        Assert.True((await lifecycle.AdvanceAsync("ml", cancellationToken: Ct)).Succeeded);

        // Deployment readiness fails review → rework, then back.
        Assert.True((await lifecycle.ReturnForReworkAsync("validator", "robustness tests failed", Ct)).Succeeded);
        Assert.Equal(LifecyclePhase.DevelopmentAndValidation, lifecycle.Phase);
        Assert.True((await lifecycle.AdvanceAsync("ml", cancellationToken: Ct)).Succeeded);

        await RecordAllAsync(lifecycle, LifecyclePhase.DeploymentReadiness);
        var model = lifecycle.GetEvidence(LifecyclePhase.DevelopmentAndValidation)[0].Digest;
        Assert.False((await lifecycle.AdvanceAsync("ops", Decision(GateKind.Deployment, false, model), Ct)).Succeeded);
        Assert.True((await lifecycle.AdvanceAsync("ops", Decision(GateKind.Deployment, true, model), Ct)).Succeeded);
        Assert.Equal(LifecyclePhase.ContinuousOperation, lifecycle.Phase);

        // Nothing after phase 5.
        Assert.False((await lifecycle.AdvanceAsync("ops", cancellationToken: Ct)).Succeeded);

        var types = audit.Snapshot().Select(r => r.EventType).ToList();
        Assert.Equal(5, types.Count(t => t == "lifecycle.advanced"));
        Assert.Equal(1, types.Count(t => t == "lifecycle.rework"));
        Assert.Equal(3, types.Count(t => t == "lifecycle.advance.refused"));
        Assert.True((await audit.VerifyAsync(Ct)).IsValid);
    }

    [Fact]
    public async Task Rework_InPhaseOne_IsRefused()
    {
        using var lifecycle = new AiLifecycle("s", new LifecycleOptions(), new InMemoryAuditLog(TimeProvider.System), new FakeTimeProvider());
        Assert.False((await lifecycle.ReturnForReworkAsync("x", "why", Ct)).Succeeded);
    }

    [Fact]
    public async Task Evidence_SameNameReplacesTheEarlierDigest()
    {
        using var lifecycle = new AiLifecycle("s", new LifecycleOptions(), new InMemoryAuditLog(TimeProvider.System), new FakeTimeProvider());
        await lifecycle.RecordEvidenceAsync(EvidenceItem.FromContent("data-strategy", "v1"u8), "a", Ct);
        await lifecycle.RecordEvidenceAsync(EvidenceItem.FromContent("data-strategy", "v2"u8), "a", Ct);
        Assert.Equal(Sha256Digest.Compute("v2"u8), Assert.Single(lifecycle.GetEvidence(LifecyclePhase.BusinessCaseAndRiskClassification)).Digest);
    }

    [Fact]
    public void RequiredOutputs_AreConfigurable()
    {
        var options = new LifecycleOptions { DesignAndDataOutputs = ["data-card"] };
        Assert.Equal(["data-card"], options.GetRequiredOutputs(LifecyclePhase.DesignAndDataPreparation));
        Assert.Equal(3, options.GetRequiredOutputs(LifecyclePhase.DevelopmentAndValidation).Count);
    }

    [Fact]
    public void EvidenceItem_EmptyDigest_NamesArgument() =>
        Assert.Equal("digest", Assert.Throws<ArgumentException>(() => new EvidenceItem("x", default)).ParamName);
}
