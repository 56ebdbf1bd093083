using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Gates.Approvals;
using AiGovernance.Gates.Classification;
using AiGovernance.Gates.Decisions;
using AiGovernance.Gates.DueDiligence;
using AiGovernance.Gates.Inventory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Gates.Tests.DependencyInjection;

public class GatesBuilderExtensionsTests
{
    private sealed class SectorRule : IRiskRule
    {
        public string Id => "sector";

        public string Version => "1";

        public IReadOnlyList<RiskRuleMatch> Evaluate(UseCaseProfile profile) =>
            profile.Domain == "health" ? [new RiskRuleMatch(Id, RiskTier.High, "MDR Art. 2", "Medical purpose.")] : [];
    }

    [Fact]
    public void AddGates_CalledTwice_RegistersNothingTwice()
    {
        var services = new ServiceCollection();
        services.AddAiGovernance(b => b.AddGates().AddRiskRule<SectorRule>());
        var count = services.Count;
        services.AddAiGovernance(b => b.AddGates().AddRiskRule<SectorRule>());

        Assert.Equal(count, services.Count);
        Assert.Single(services, d => d.ServiceType == typeof(GovernanceGate));
        Assert.Single(services, d => d.ServiceType == typeof(IRiskRule));
        Assert.Equal(2, services.Count(d => d.ServiceType == typeof(IValidateOptions<GatesOptions>)));
    }

    [Fact]
    public void AddGates_ResolvesEveryServiceWithDefaults()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero));
        using var provider = new ServiceCollection().AddSingleton<TimeProvider>(clock)
            .AddAiGovernance(b => b.AddGates().AddRiskRule<SectorRule>()).BuildServiceProvider(validateScopes: true);

        Assert.Equal("seed-1", provider.GetRequiredService<ApprovalPolicy>().Version);
        Assert.Equal(5, provider.GetRequiredService<ApprovalPolicy>().GetRequirements(RiskTier.High).Count);
        Assert.Same(provider.GetRequiredService<ApprovalPolicy>(), provider.GetRequiredService<GovernanceGate>().Policy);
        Assert.IsType<DsseApprovalVerifier>(provider.GetRequiredService<IApprovalVerifier>());
        Assert.IsType<InMemoryAiInventory>(provider.GetRequiredService<IAiInventory>());
        Assert.NotNull(provider.GetRequiredService<InventoryReview>());
        Assert.NotNull(provider.GetRequiredService<VendorDueDiligence>());
        Assert.Equal(TimeSpan.FromDays(90), provider.GetRequiredService<ContinuationReviewSchedule>().GetInterval(RiskTier.High));

        var classification = provider.GetRequiredService<RiskClassifier>().Classify(new UseCaseProfile("x") { Domain = "health" });
        Assert.Equal(RiskTier.High, classification.Tier);
        Assert.Equal(clock.GetUtcNow(), classification.ClassifiedAt);
    }

    [Fact]
    public async Task AddGates_GateFromDi_AuditsToTheSharedLog()
    {
        using var provider = new ServiceCollection().AddAiGovernance(b => b.AddGates()).BuildServiceProvider();
        var gate = provider.GetRequiredService<GovernanceGate>();
        var system = new AiSystem("s", "S", "1", new AiSystemOwners("a", "b", "c"), RiskTier.Low);

        var decision = await gate.EvaluateAsync(new GateRequest
        {
            Gate = GateKind.Deployment, System = system, Artifact = ModelArtifact.FromBytes("m", "1", "x"u8), Environment = "prod",
        }, TestContext.Current.CancellationToken);

        Assert.False(decision.IsAllowed);
        Assert.Equal(1, ((InMemoryAuditLog)provider.GetRequiredService<IAuditLog>()).Count);
    }

    [Fact]
    public void AddGates_FromConfiguration_BindsNestedOptions()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gates:Approvals:Version"] = "bank-2027",
            ["Gates:Approvals:Low:0:Kind"] = "technical_validation",
            ["Gates:Approvals:Low:0:AllowedRoles:0"] = "model-validator",
            ["Gates:Approvals:Low:0:RequiredReviewers"] = "2",
            ["Gates:ContinuationReviews:HighRiskInterval"] = "30.00:00:00",
            ["Gates:Classification:UnconfirmedAmendments"] = "Include",
            ["Gates:Classification:ApplyEuAiActOutsideEu"] = "true",
            ["Gates:VendorDueDiligence:MinimumChangeNoticeDays"] = "60",
            ["Gates:Lifecycle:DesignAndDataOutputs:0"] = "data-card",
        }).Build();
        using var provider = new ServiceCollection().AddAiGovernance(b => b.AddGates(configuration.GetSection("Gates"))).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<GatesOptions>>().Value;
        var policy = provider.GetRequiredService<ApprovalPolicy>();
        Assert.Equal("bank-2027", policy.Version);
        var low = Assert.Single(policy.GetRequirements(RiskTier.Low));
        Assert.Equal((ApprovalKinds.TechnicalValidation, 2, "model-validator"), (low.Kind, low.RequiredReviewers, low.AllowedRoles[0]));
        Assert.Equal(3, policy.GetRequirements(RiskTier.Medium).Count);
        Assert.Equal(TimeSpan.FromDays(30), options.ContinuationReviews.HighRiskInterval);
        Assert.Equal(Gates.Law.UnconfirmedAmendmentPolicy.Include, options.Classification.UnconfirmedAmendments);
        Assert.True(options.Classification.ApplyEuAiActOutsideEu);
        Assert.Equal(60, options.VendorDueDiligence.MinimumChangeNoticeDays);
        Assert.Equal(["data-card"], options.Lifecycle.GetRequiredOutputs(Gates.Lifecycle.LifecyclePhase.DesignAndDataPreparation));
    }

    public static TheoryData<string, string> InvalidOptions() => new()
    {
        { "weights", "VendorDueDiligence.Weights" },
        { "interval", "HighRiskInterval" },
        { "skew", "ApprovalClockSkew" },
        { "kind", "Kind" },
        { "reviewers", "RequiredReviewers" },
        { "roles", "Approvals" },
        { "version", "Version" },
        { "notice", "MinimumChangeNoticeDays" },
        { "weight-range", "ModelDocumentation" },
        { "lifetime", "MaxApprovalLifetime" },
    };

    private static void Break(GatesOptions o, string what)
    {
        switch (what)
        {
            case "weights": o.VendorDueDiligence.Weights.AuditRights = 0.5; break;
            case "interval": o.ContinuationReviews.HighRiskInterval = TimeSpan.Zero; break;
            case "skew": o.ApprovalClockSkew = TimeSpan.FromHours(2); break;
            case "kind": o.Approvals.High = [new ApprovalRequirementOptions { Kind = "", AllowedRoles = ["x"] }]; break;
            case "reviewers": o.Approvals.High = [new ApprovalRequirementOptions { Kind = "k", AllowedRoles = ["x"], RequiredReviewers = 0 }]; break;
            case "roles": o.Approvals.Medium = [new ApprovalRequirementOptions { Kind = "k" }]; break;
            case "version": o.Approvals.Version = ""; break;
            case "notice": o.VendorDueDiligence.MinimumChangeNoticeDays = -1; break;
            case "weight-range": o.VendorDueDiligence.Weights.ModelDocumentation = 1.5; break;
            case "lifetime": o.MaxApprovalLifetime = TimeSpan.Zero; break;
        }
    }

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void AddGates_InvalidOptions_FailValidationNamingTheField(string what, string field)
    {
        using var provider = new ServiceCollection().AddAiGovernance(b => b.AddGates(o => Break(o, what))).BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GatesOptions>>().Value);
        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public void AddGates_SeveralInvalidOptions_StartupListsEveryError()
    {
        var services = new ServiceCollection().AddAiGovernance(b => b.AddGates(o =>
        {
            Break(o, "weights");
            Break(o, "interval");
            Break(o, "skew");
            Break(o, "notice");
            Break(o, "roles");
        }));

        var failures = StartupValidation.Failures(services);

        foreach (var field in new[] { "VendorDueDiligence.Weights", "HighRiskInterval", "ApprovalClockSkew", "MinimumChangeNoticeDays", "Approvals" })
        {
            Assert.Contains(failures, f => f.Contains(field, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void AddGates_DefaultOptions_PassStartupValidation()
    {
        using var provider = new ServiceCollection().AddAiGovernance(b => b.AddGates()).BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void UseJsonFileInventory_ReplacesTheInMemoryInventory()
    {
        var path = Path.Combine(Path.GetTempPath(), "aigov-di-inv-" + Guid.NewGuid().ToString("N") + ".json");
        var services = new ServiceCollection();
        services.AddAiGovernance(b => b.AddGates().UseJsonFileInventory(path).UseJsonFileInventory(path));
        Assert.Single(services, d => d.ServiceType == typeof(IAiInventory));
        using var provider = services.BuildServiceProvider();
        Assert.IsType<JsonFileAiInventory>(provider.GetRequiredService<IAiInventory>());
    }
}
