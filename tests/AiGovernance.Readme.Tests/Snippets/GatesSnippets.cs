using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Gates;
using AiGovernance.Gates.Approvals;
using AiGovernance.Gates.Classification;
using AiGovernance.Gates.Decisions;
using AiGovernance.Gates.GeneralPurpose;
using AiGovernance.Gates.Incidents;
using AiGovernance.Gates.Inventory;
using AiGovernance.Gates.Law;
using AiGovernance.Gates.Milestones;
using AiGovernance.Gates.Obligations;
using AiGovernance.Gates.PostMarket;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Readme.Tests.Snippets;

/// <summary>The ```csharp blocks of src/AiGovernance.Gates/README.md.</summary>
public class GatesSnippets
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A stand-in for the README's sector rule: banking use cases are at least medium risk.</summary>
    private sealed class MySectorRule : IRiskRule
    {
        public string Id => "banking-sector";

        public string Version => "1";

        public IReadOnlyList<RiskRuleMatch> Evaluate(UseCaseProfile profile) =>
            profile.Domain == "banking" ? [new RiskRuleMatch(Id, RiskTier.Medium, "Bank policy 4.2", "Banking use case.")] : [];
    }

    [Fact]
    public async Task QuickStart()
    {
        var services = new ServiceCollection();
        var profile = new UseCaseProfile("credit-scoring")
        {
            HighRiskUseCases = [AnnexIIIUseCase.Creditworthiness],
            ProfilesNaturalPersons = true,
            DeploymentRegions = ["EU"],
        };
        var system = new AiSystem("credit-scoring", "Credit scoring", "2.1.0", new AiSystemOwners("ana", "bo", "cy"), RiskTier.High);
        var artifact = ModelArtifact.FromBytes("credit-scorer", "2.1.0", "model bytes"u8);
        List<DsseEnvelope> approvals = [];

        services.AddAiGovernance(b => b.AddGates());
        using var provider = services.BuildServiceProvider();

        var classification = provider.GetRequiredService<RiskClassifier>().Classify(profile);   // tier, reasons, citations
        var decision = await provider.GetRequiredService<GovernanceGate>().EvaluateAsync(new GateRequest
        {
            Gate = GateKind.Deployment, System = system, Artifact = artifact, Environment = "production",
            Approvals = approvals, Classification = classification, Actor = "ci",
        });
        // decision.IsAllowed; otherwise decision.MissingApprovals, InvalidApprovals (with reasons) and Rejections say why.
        // EnforceAsync does the same and throws DeploymentBlockedException when the gate is closed.

        Assert.Equal(RiskTier.High, classification.Tier);
        Assert.False(decision.IsAllowed);
        Assert.Equal(5, decision.MissingApprovals.Count);             // the seed's five kinds for the high tier
        Assert.Equal(RiskTier.High, decision.Tier);
    }

    [Fact]
    public void Classification()
    {
        var classifier = new RiskClassifier(new RiskClassificationOptions(), TimeProvider.System);

        var classification = classifier.Classify(new UseCaseProfile("credit-scoring")
        {
            HighRiskUseCases = [AnnexIIIUseCase.Creditworthiness],
            DecisionAutonomy = DecisionAutonomy.Automated,
            ProfilesNaturalPersons = true,
            DeploymentRegions = ["EU"],
        });
        // classification.Tier == RiskTier.High; classification.Cites("Annex III point 5(b)")

        Assert.Equal(RiskTier.High, classification.Tier);
        Assert.True(classification.Cites("Annex III point 5(b)"));
    }

    [Fact]
    public async Task SignedApprovals_AndTheDeploymentGate()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddAiGovernance(b => b.AddGates());
        using var provider = services.BuildServiceProvider();
        var keys = provider.GetRequiredService<TrustedReviewerKeyRegistry>();
        var gate = provider.GetRequiredService<GovernanceGate>();
        var now = time.GetUtcNow();
        var (validFrom, validUntil) = (now.AddDays(-1), now.AddYears(1));
        var artifact = ModelArtifact.FromBytes("credit-scorer", "2.1.0", "model bytes"u8);
        var system = new AiSystem("credit-scoring", "Credit scoring", "2.1.0",
            new AiSystemOwners("ana", "bo", "cy"), RiskTier.High);
        var classification = provider.GetRequiredService<RiskClassifier>().Classify(new UseCaseProfile("credit-scoring")
        {
            HighRiskUseCases = [AnnexIIIUseCase.Creditworthiness],
            ProfilesNaturalPersons = true,
            DeploymentRegions = ["EU"],
        });

        var blocked = await Assert.ThrowsAsync<DeploymentBlockedException>(async () =>
        {
            using var signer = EcdsaApprovalSigner.Create();                       // or a KMS/HSM IApprovalSigner
            keys.Add(new TrustedReviewerKey("dave", [ReviewerRoles.LegalCounsel], signer.PublicKey.Span, validFrom, validUntil));

            var envelope = await ApprovalIssuer.SignAsync(new ApprovalStatement(artifact, new ApprovalPredicate
            {
                Gate = GateKind.Deployment, Kind = ApprovalKinds.LegalApproval, SystemId = "credit-scoring",
                Environment = "production", PolicyVersion = "seed-1", ReviewerId = "dave", ReviewerRole = ReviewerRoles.LegalCounsel,
                Decision = ApprovalDecision.Approved, IssuedAt = now, ExpiresAt = now.AddDays(30), Nonce = ApprovalPredicate.NewNonce(),
            }), signer);
            string[] approvalsJson = [envelope.ToJson()];                          // stored next to the artifact

            await gate.EnforceAsync(new GateRequest
            {
                Gate = GateKind.Deployment, System = system, Artifact = artifact, Environment = "production",
                Approvals = approvalsJson.Select(DsseEnvelope.Parse).ToList(), Classification = classification, Actor = "ci",
            });   // throws DeploymentBlockedException listing missing kinds, invalid approvals (with reasons) and rejections
        });

        // The legal approval verified; a high-risk system still needs the other four kinds.
        string[] expected = [ApprovalKinds.ExecutiveSponsor, ApprovalKinds.FairnessAudit, ApprovalKinds.SecurityReview, ApprovalKinds.TechnicalValidation];
        Assert.Equal(expected, blocked.MissingApprovals.Select(m => m.Kind).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(blocked.MissingApprovals, m => m.Kind == ApprovalKinds.LegalApproval);
        Assert.Empty(blocked.Decision!.InvalidApprovals);
        Assert.Single(blocked.Decision.AcceptedApprovals);
        Assert.True((await provider.GetRequiredService<IAuditLog>().VerifyAsync(Ct)).IsValid);
    }

    [Fact]
    public async Task AdaptiveMilestones()
    {
        // 600 examples per age band: the model is good for 18-40 and poor for 65+.
        var yTrue = new bool[1200];
        var yPred = new bool[1200];
        var ageBands = new string[1200];
        for (var i = 0; i < 1200; i++)
        {
            var young = i < 600;
            ageBands[i] = young ? "18-40" : "65+";
            yTrue[i] = i % 2 == 0;
            yPred[i] = young ? (i % 20 == 1 ? !yTrue[i] : yTrue[i]) : (i % 4 == 0 ? !yTrue[i] : yTrue[i]);
        }

        var auditLog = new InMemoryAuditLog(TimeProvider.System);
        var modelArtifact = ModelArtifact.FromBytes("credit-scorer", "2.1.0", "model bytes"u8);
        var holdoutDigest = Sha256Digest.Compute("holdout set"u8);

        var gate = new PerformanceGate(new PerformanceGateOptions { Metric = PerformanceMetric.F1, Threshold = 0.85 });
        var result = gate.EvaluateByGroup(yTrue, yPred, ageBands);   // Go / NoGo / Inconclusive, with Subgroups
        var tracker = new MilestoneTracker(auditLog, TimeProvider.System);
        tracker.AddAdaptive("f1", "Holdout F1 ≥ 0.85", gate);
        await tracker.RecordAttemptAsync("f1", modelArtifact, holdoutDigest, result); // every attempt is audited
        Console.WriteLine(tracker.GetPlan().ToMarkdown());

        Assert.Equal(MilestoneVerdict.Go, result.Subgroups["18-40"].Verdict);
        Assert.Equal(MilestoneVerdict.NoGo, result.Subgroups["65+"].Verdict);
        Assert.Equal(MilestoneVerdict.NoGo, result.Verdict);              // one failing group blocks the model
        Assert.Single(tracker.GetAttempts("f1"));
        Assert.Equal(GatesAuditEvents.MilestoneAttempt, auditLog.Snapshot()[^1].EventType);
    }

    [Fact]
    public void Registration()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AiGovernance:Gates:Classification:ApplyEuAiActOutsideEu"] = "true",
        }).Build();

        services.AddAiGovernance(b => b
            .AddGates(configuration.GetSection("AiGovernance:Gates"))   // or .AddGates(o => ...)
            .AddRiskRule<MySectorRule>()
            .UseJsonFileInventory("governance/inventory.json"));

        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.True(provider.GetRequiredService<IOptions<GatesOptions>>().Value.Classification.ApplyEuAiActOutsideEu);
        var tier = provider.GetRequiredService<RiskClassifier>().Classify(new UseCaseProfile("branch-chatbot") { Domain = "banking" }).Tier;
        Assert.Equal(RiskTier.Medium, tier);                          // raised from Low by the sector rule
        Assert.Single(services, d => d.ServiceType == typeof(IAiInventory));
    }

    [Fact]
    public void RolesAndDuties()
    {
        var classifier = new RiskClassifier(new RiskClassificationOptions(), TimeProvider.System);

        var result = classifier.Classify(new UseCaseProfile("benefits-triage")
        {
            HighRiskUseCases = [AnnexIIIUseCase.PublicBenefitsEligibility],
            Roles = [OrganisationRole.Provider, OrganisationRole.Deployer],
            DeployerType = DeployerType.PublicAuthority,
            ProfilesNaturalPersons = true,
            DeploymentRegions = ["RE"],
            LogRetention = TimeSpan.FromDays(90),
        }, evaluatedOn: new DateOnly(2026, 9, 1));
        // result.Law.Id == "2024.1689+omnibus-2026:tightening"
        // result.GetDuties(OrganisationRole.Deployer): Art. 26(1)..., 27(1) (fundamental rights impact assessment), 49(3), 86(1), ...
        // result.GetViolatedDuties(): Art. 26(6), logs kept 90 days where six months are required

        Assert.Equal("2024.1689+omnibus-2026:tightening", result.Law.Id);
        var deployer = result.GetDuties(OrganisationRole.Deployer).Select(d => d.ProvisionId).ToList();
        Assert.Contains("Art. 27(1)", deployer);
        Assert.Contains("Art. 49(3)", deployer);
        Assert.Contains("Art. 86(1)", deployer);
        Assert.Equal("Art. 26(6)", Assert.Single(result.GetViolatedDuties()).ProvisionId);
        Assert.Empty(result.GetDutiesNotYetApplicable());
    }

    [Fact]
    public void AmendmentOverlays()
    {
        var services = new ServiceCollection();

        services.AddAiGovernance(b => b
            .AddGates(o => o.Classification.UnconfirmedAmendments = UnconfirmedAmendmentPolicy.Exclude)
            .AddLawAmendment(new LawAmendment
            {
                Id = "omnibus-2026-oj", Citation = "Regulation (EU) 2026/1744", Source = "OJ L, checked by legal",
                Confidence = ProvisionConfidence.Confirmed,
                Changes = [new ProvisionChange { ProvisionId = "Art. 6(2)", Effect = AmendmentEffect.Relaxes, AppliesFrom = new DateOnly(2027, 12, 2) }],
            }));

        using var provider = services.BuildServiceProvider();
        var law = provider.GetRequiredService<RiskClassifier>().Law;
        Assert.Equal("2024.1689+omnibus-2026-oj", law.Id);
        Assert.Equal(new DateOnly(2027, 12, 2), law.Get("Art. 6(2)").AppliesFrom);
        Assert.True(law.IsConfirmed);
    }

    [Fact]
    public void GeneralPurposeModels()
    {
        var model = new GpaiModelClassifier(new RiskClassificationOptions()).Classify(new GpaiModelProfile("foundation-7b")
        {
            DisplaysSignificantGenerality = true, PerformsWideRangeOfDistinctTasks = true, IntegrableIntoDownstreamSystems = true,
            TrainingComputeFlops = 3e25, ReleasedAsFreeAndOpenSource = true, PlacedOnMarketOn = new DateOnly(2025, 3, 1),
        }, evaluatedOn: new DateOnly(2026, 9, 1));
        // model.SystemicRisk == SystemicRiskGrounds.ComputeAboveThreshold: no open-source exemption, Art. 55 applies,
        // from 2 August 2027 (placed on the market before 2 August 2025)

        Assert.Equal(SystemicRiskGrounds.ComputeAboveThreshold, model.SystemicRisk);
        Assert.Contains(model.Duties, d => d.ProvisionId == "Art. 53(1)(a)");
        Assert.Equal(new DateOnly(2027, 8, 2), model.Duties.Single(d => d.ProvisionId == "Art. 55(1)(a)").AppliesFrom);
    }

    [Fact]
    public async Task SeriousIncidentsAndThePostMarketPlan()
    {
        var now = new DateTimeOffset(2027, 1, 12, 6, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(now);
        using var register = new SeriousIncidentRegister(new InMemoryAuditLog(clock), clock);
        var result = new RiskClassifier(new RiskClassificationOptions(), clock).Classify(new UseCaseProfile("benefits-triage")
        {
            HighRiskUseCases = [AnnexIIIUseCase.PublicBenefitsEligibility], Roles = [OrganisationRole.Provider], DeploymentRegions = ["EU"],
        });

        var incident = await register.RaiseAsync(new IncidentSignal
        {
            SystemId = "benefits-triage", Source = "monitoring.drift", Summary = "Critical drift on household income.", ObservedAt = now,
        });                                                       // not yet assessed: report within 2 days
        incident = await register.AssessAsync(incident.Id, new SeriousIncidentAssessment
        {
            Harms = [SeriousIncidentHarm.FundamentalRightsInfringement], Actor = "risk-officer",
        });                                                       // Art. 73(2): 15 days from awareness
        var plan = PostMarketMonitoringPlan.Create(result, [LibraryMonitors.DataDrift, LibraryMonitors.Fairness, LibraryMonitors.SeriousIncidents]);
        // plan.IsRequiredByLaw (the provider's Art. 72 duty); plan.Gaps: performance, data quality, oversight, release regressions...

        Assert.Equal(now.AddDays(15), incident.ReportingDeadline);
        Assert.True(plan.IsRequiredByLaw);
        Assert.Contains(plan.Gaps, g => g.Risk == MonitoredRisk.PerformanceDegradation);
        Assert.DoesNotContain(plan.Gaps, g => g.Risk == MonitoredRisk.SeriousIncidents);
    }
}
