using System.Data;
using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Deployment.Recording;
using AiGovernance.Deployment.Rollout;
using AiGovernance.Deployment.Routing;
using AiGovernance.Gates;
using AiGovernance.Gates.Approvals;
using AiGovernance.Gates.Classification;
using AiGovernance.Gates.Decisions;
using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Responses;
using Microsoft.Extensions.DependencyInjection;

namespace AiGovernance.Readme.Tests.Snippets;

/// <summary>Works-council co-determination: AI that monitors employees' performance is high-risk for us.</summary>
public sealed class WorksCouncilRule : IRiskRule
{
    public string Id => "works-council";

    public string Version => "1";

    public IReadOnlyList<RiskRuleMatch> Evaluate(UseCaseProfile profile) =>
        profile.Domain == "workforce"
            ? [new RiskRuleMatch(Id, RiskTier.High, "BetrVG § 87(1) no. 6", "Technical monitoring of employee performance needs works-council co-determination.")]
            : [];
}

/// <summary>The ```csharp blocks of README.md.</summary>
public class RootReadmeSnippets
{
    private sealed class RecordingHandler : IDriftResponseHandler
    {
        public List<Severity> Seen { get; } = [];

        public Severity MinimumSeverity => Severity.Medium;

        public ValueTask HandleAsync(DriftResponseContext context, CancellationToken cancellationToken)
        {
            Seen.Add(context.Plan.Severity);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Signs the two approvals the default policy asks of a low-risk system.</summary>
    private static async Task<(TrustedReviewerKeyRegistry Keys, List<DsseEnvelope> Approvals)> LowTierApprovalsAsync(ModelArtifact artifact)
    {
        var keys = new TrustedReviewerKeyRegistry();
        var approvals = new List<DsseEnvelope>();
        var now = TimeProvider.System.GetUtcNow();
        foreach (var (reviewer, role, kind) in new[]
        {
            ("vera", ReviewerRoles.ModelValidator, ApprovalKinds.TechnicalValidation),
            ("ci", ReviewerRoles.Pipeline, ApprovalKinds.AutomatedChecks),
        })
        {
            using var signer = EcdsaApprovalSigner.Create();
            keys.Add(new TrustedReviewerKey(reviewer, [role], signer.PublicKey.Span, now.AddDays(-1), now.AddYears(1)));
            var envelope = await ApprovalIssuer.SignAsync(new ApprovalStatement(artifact, new ApprovalPredicate
            {
                Gate = GateKind.Deployment, Kind = kind, SystemId = "credit-scoring", Environment = "production",
                PolicyVersion = "seed-1", ReviewerId = reviewer, ReviewerRole = role, Decision = ApprovalDecision.Approved,
                IssuedAt = now.AddMinutes(-5), ExpiresAt = now.AddDays(30), Nonce = ApprovalPredicate.NewNonce(),
            }), signer);
            approvals.Add(DsseEnvelope.Parse(envelope.ToJson()));
        }

        return (keys, approvals);
    }

    [Fact]
    public async Task ServiceTeam_GateAndCanary()
    {
        var candidate = ModelArtifact.FromBytes("credit-model", "3.0.0", "candidate weights"u8);
        var system = new AiSystem("credit-scoring", "Credit scoring", "3.0.0", new AiSystemOwners("ana", "bo", "cy"), RiskTier.Low);
        var classification = new RiskClassifier(new RiskClassificationOptions(), TimeProvider.System)
            .Classify(new UseCaseProfile("credit-pre-screening") { DecisionAutonomy = DecisionAutonomy.HumanInTheLoop });
        Assert.Equal(RiskTier.Low, classification.Tier);
        var (keys, approvals) = await LowTierApprovalsAsync(candidate);
        var services = new ServiceCollection();
        services.AddSingleton(keys);                                  // the reviewers' public keys
        var customerId = "customer-42";
        var latency = TimeSpan.FromMilliseconds(35);
        var isError = false;

        services.AddAiGovernance(b => b
            .AddGates()                                                   // classification, signed approvals, gates
            .AddDeployment(o => o.RolloutName = "credit-model-v3"));
        using var provider = services.BuildServiceProvider();

        // Start-up: refuse to serve the candidate without valid signed approvals for its exact digest.
        await provider.GetRequiredService<GovernanceGate>().EnforceAsync(new GateRequest
        {
            Gate = GateKind.Deployment, System = system, Artifact = candidate, Environment = "production",
            Approvals = approvals, Classification = classification, Actor = "startup",
        });   // throws DeploymentBlockedException naming what is missing, invalid or rejected

        // Request path: stable bucketing and allocation-free recording; the controller advances or rolls back.
        var router = provider.GetRequiredService<CanaryRouter>();
        var recorder = provider.GetRequiredService<CanaryRecorder>();
        var controller = provider.GetRequiredService<RolloutController>();
        await controller.StartCanaryAsync("shadow run passed");
        var assignment = router.Assign(customerId);                     // same customer, same arm, at every stage
        recorder.Record(assignment, latency, isError);                  // counted per customer sub-bucket: valid statistics
        var status = await controller.EvaluateAsync();                  // holds, advances, completes or rolls back, with reasons

        Assert.Equal(RolloutState.Canary, status.State);                // one request: the stage holds
        Assert.Equal(assignment, router.Assign(customerId));
        var audit = ((InMemoryAuditLog)provider.GetRequiredService<IAuditLog>()).Snapshot();
        Assert.Equal(2, audit.Count);                                   // the gate's decision and the canary start

        // The same gate with one approval missing blocks.
        var blocked = await Assert.ThrowsAsync<DeploymentBlockedException>(async () =>
            await provider.GetRequiredService<GovernanceGate>().EnforceAsync(new GateRequest
            {
                Gate = GateKind.Deployment, System = system, Artifact = candidate, Environment = "production",
                Approvals = approvals[..1], Classification = classification, Actor = "startup",
            }));
        Assert.Equal(ApprovalKinds.AutomatedChecks, Assert.Single(blocked.MissingApprovals).Kind);
    }

    private static IDataReader Applications(int rows, double incomeMean, int seed)
    {
        var table = new DataTable();
        table.Columns.Add("age", typeof(double));
        table.Columns.Add("income", typeof(double));
        table.Columns.Add("region", typeof(string));
        var age = SnippetData.Normal(rows, 42, 9, seed);
        var income = SnippetData.Normal(rows, incomeMean, 12_000, seed + 1);
        for (var i = 0; i < rows; i++)
        {
            table.Rows.Add(Math.Round(age[i]), income[i], (i % 3) switch { 0 => "north", 1 => "south", _ => "west" });
        }

        return table.CreateDataReader();
    }

    [Fact]
    public async Task DataPlatformTeam_DriftFromABatchJob()
    {
        using var dir = SnippetData.CreateTempDirectory();
        var outputDirectory = dir.Path;
        using var trainingReader = Applications(4_000, 52_000, seed: 40);
        using var lastNightReader = Applications(4_000, 61_000, seed: 50);
        var services = new ServiceCollection();
        services.AddAiGovernance(b => b.AddMonitoring().AddDriftResponseHandler<RecordingHandler>());
        using var provider = services.BuildServiceProvider();

        var detector = new DataDriftDetector();
        var reference = detector.Fit(TabularData.FromDataReader(trainingReader));   // any IDataReader; persist with reference.ToJson()
        var report = await detector.CompareAsync(reference, TabularData.FromDataReader(lastNightReader));
        await File.WriteAllTextAsync(Path.Combine(outputDirectory, "drift.md"), report.ToMarkdown());

        // With services.AddAiGovernance(b => b.AddMonitoring().AddDriftResponseHandler<YourHandler>()):
        var workflow = provider.GetRequiredService<DriftResponseWorkflow>();
        var response = await workflow.HandleAsync(report.ToDriftEvent("credit-scoring"));   // audited; handlers act by severity

        Assert.Equal(["income"], report.Columns.Where(c => c.IsDrifted).Select(c => c.Column));
        Assert.True(File.Exists(Path.Combine(outputDirectory, "drift.md")));
        Assert.Equal(report.Severity, response.Plan.Severity);
        var handler = (RecordingHandler)provider.GetServices<IDriftResponseHandler>().Single();
        Assert.Equal(report.Severity >= Severity.Medium ? [report.Severity] : [], handler.Seen);
    }

    [Fact]
    public void Extender_CustomRiskRule()
    {
        var services = new ServiceCollection();

        services.AddAiGovernance(b => b.AddGates().AddRiskRule<WorksCouncilRule>());
        using var provider = services.BuildServiceProvider();
        var classification = provider.GetRequiredService<RiskClassifier>().Classify(new UseCaseProfile("shift-planner") { Domain = "workforce" });
        // classification.Tier == RiskTier.High; the rule's reason and citation are kept in classification.Matches

        Assert.Equal(RiskTier.High, classification.Tier);
        Assert.True(classification.Cites("BetrVG § 87(1) no. 6"));
        Assert.Contains(classification.Matches, m => m.RuleId == InternalRiskRule.RuleId && m.Tier == RiskTier.Low);
    }
}
