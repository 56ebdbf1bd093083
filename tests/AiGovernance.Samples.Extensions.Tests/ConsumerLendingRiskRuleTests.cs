using AiGovernance.Core;
using AiGovernance.Gates.Classification;
using AiGovernance.Samples.Extensions.Lending;
using Microsoft.Extensions.DependencyInjection;

namespace AiGovernance.Samples.Extensions.Tests;

public class ConsumerLendingRiskRuleTests
{
    // A lending team describes its model by domain and autonomy and forgets to declare Annex III 5(b).
    private static readonly UseCaseProfile LoanApproval = new("instant-loan-approval")
    {
        Domain = "consumer-lending",
        DecisionAutonomy = DecisionAutonomy.Automated,
        DeploymentRegions = ["EU"],
    };

    private static RiskClassifier Classifier(Action<IAiGovernanceBuilder> configure)
    {
        var services = new ServiceCollection();
        services.AddAiGovernance(configure);
        return services.BuildServiceProvider().GetRequiredService<RiskClassifier>();
    }

    [Fact]
    public void Classify_AutomatedConsumerLending_RaisesMediumToHigh()
    {
        var without = Classifier(b => b.AddGates()).Classify(LoanApproval);
        var with = Classifier(b => b.AddGates().AddConsumerLendingRiskRule()).Classify(LoanApproval);

        Assert.Equal(RiskTier.Medium, without.Tier);
        Assert.False(without.Cites(ConsumerLendingRiskRule.Citation));

        Assert.Equal(RiskTier.High, with.Tier);
        Assert.True(with.Cites("Directive (EU) 2023/2225 Art. 18"));
        var match = Assert.Single(with.Matches, m => m.RuleId == ConsumerLendingRiskRule.RuleId);
        Assert.Equal(RiskTier.High, match.Tier);
        Assert.Contains("Art. 18(8)", match.Reason, StringComparison.Ordinal);
        Assert.Contains("human-intervention-on-request", with.RequiredControls);
        Assert.Contains("creditworthiness-assessment-method", with.RequiredDocumentation);
        // The internal baseline's reason is kept beside the sector rule's.
        Assert.Contains(with.Matches, m => m.RuleId == InternalRiskRule.RuleId && m.Tier == RiskTier.Medium);
    }

    [Fact]
    public void Classify_ProfilingWithHumanInTheLoop_IsHigh()
    {
        var profile = new UseCaseProfile("credit-limit-suggestions")
        {
            Domain = "Consumer-Lending",
            DecisionAutonomy = DecisionAutonomy.HumanInTheLoop,
            ProfilesNaturalPersons = true,
        };

        var classification = Classifier(b => b.AddConsumerLendingRiskRule()).Classify(profile);

        Assert.Equal(RiskTier.High, classification.Tier);
        Assert.Contains("data-relevance-review", classification.RequiredControls);
    }

    [Fact]
    public void Classify_HumanApprovedWithoutProfiling_OnlyAddsDocumentation()
    {
        var profile = new UseCaseProfile("document-checklist") { Domain = "consumer-lending", DecisionAutonomy = DecisionAutonomy.HumanInTheLoop };

        var classification = Classifier(b => b.AddConsumerLendingRiskRule()).Classify(profile);

        Assert.Equal(RiskTier.Low, classification.Tier);
        Assert.True(classification.Cites(ConsumerLendingRiskRule.Citation));
        Assert.Contains("creditworthiness-assessment-method", classification.RequiredDocumentation);
    }

    [Fact]
    public void Classify_OtherDomain_IsUnchanged()
    {
        var marketing = LoanApproval with { Domain = "marketing" };

        var without = Classifier(b => b.AddGates()).Classify(marketing);
        var with = Classifier(b => b.AddConsumerLendingRiskRule()).Classify(marketing);

        Assert.Equal(without.Tier, with.Tier);
        Assert.DoesNotContain(with.Matches, m => m.RuleId == ConsumerLendingRiskRule.RuleId);
    }

    [Fact]
    public void Classify_DeclaredAnnexIII_KeepsBothCitations()
    {
        var declared = LoanApproval with { HighRiskUseCases = [AnnexIIIUseCase.Creditworthiness], ProfilesNaturalPersons = true };

        var classification = Classifier(b => b.AddConsumerLendingRiskRule()).Classify(declared);

        Assert.Equal(RiskTier.High, classification.Tier);
        Assert.True(classification.Cites("Annex III point 5(b)"));
        Assert.True(classification.Cites(ConsumerLendingRiskRule.Citation));
    }

    [Fact]
    public void AddConsumerLendingRiskRule_Twice_RegistersTheRuleOnce()
    {
        var services = new ServiceCollection();
        services.AddAiGovernance(b => b.AddConsumerLendingRiskRule().AddConsumerLendingRiskRule());

        Assert.Single(services, d => d.ServiceType == typeof(IRiskRule) && d.ImplementationType == typeof(ConsumerLendingRiskRule));
        Assert.Single(services, d => d.ServiceType == typeof(RiskClassifier));
    }

    [Fact]
    public void Evaluate_NullProfile_Throws()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => new ConsumerLendingRiskRule().Evaluate(null!));
        Assert.Equal("profile", ex.ParamName);
    }
}
