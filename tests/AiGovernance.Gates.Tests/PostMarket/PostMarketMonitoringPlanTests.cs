using AiGovernance.Core;
using AiGovernance.Gates.Classification;
using AiGovernance.Gates.Obligations;
using AiGovernance.Gates.PostMarket;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Gates.Tests.PostMarket;

public class PostMarketMonitoringPlanTests
{
    private static readonly RiskClassifier Classifier = new(new RiskClassificationOptions(),
        new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero)));

    private static RiskClassification HighRiskProvider() => Classifier.Classify(new UseCaseProfile("credit-scoring")
    {
        DeploymentRegions = ["EU"], HighRiskUseCases = [AnnexIIIUseCase.Creditworthiness], Roles = [OrganisationRole.Provider],
    });

    [Fact]
    public void HighRisk_WithEveryLibraryMonitor_IsCompleteAndRequiredByArticle72()
    {
        var plan = PostMarketMonitoringPlan.Create(HighRiskProvider(), LibraryMonitors.All);

        Assert.True(plan.IsRequiredByLaw);
        Assert.Equal("EU AI Act Art. 72", plan.Duty!.Citation);
        Assert.True(plan.IsComplete);
        Assert.Equal(8, plan.Risks.Count);
        var oversight = plan.Risks.Single(r => r.Risk == MonitoredRisk.HumanOversightEffectiveness);
        Assert.Equal(["AiGovernance.Oversight.Analysis.OverrideAnalyzer", "AiGovernance.Oversight.Routing.AuditSampler"],
            oversight.Monitors.Select(m => m.MonitorId));
        Assert.Equal("AiGovernance.Gates.Incidents.SeriousIncidentRegister",
            Assert.Single(plan.Risks.Single(r => r.Risk == MonitoredRisk.SeriousIncidents).Monitors).MonitorId);
    }

    [Fact]
    public void HighRisk_WithDriftMonitoringOnly_ListsTheGaps()
    {
        var plan = PostMarketMonitoringPlan.Create(HighRiskProvider(), [LibraryMonitors.DataDrift, LibraryMonitors.PredictionDrift]);

        Assert.False(plan.IsComplete);
        Assert.Equal([MonitoredRisk.PerformanceDegradation, MonitoredRisk.DataQuality, MonitoredRisk.Bias, MonitoredRisk.HumanOversightEffectiveness,
            MonitoredRisk.ReleaseRegression, MonitoredRisk.SeriousIncidents], plan.Gaps.Select(g => g.Risk));
    }

    [Fact]
    public void VendorModel_AddsTheThirdPartyRisk()
    {
        var plan = PostMarketMonitoringPlan.Create(HighRiskProvider(), LibraryMonitors.All, [MonitoredRisk.ThirdPartyComponentPerformance]);
        Assert.Equal(LibraryMonitors.VendorSla, Assert.Single(plan.Risks.Single(r => r.Risk == MonitoredRisk.ThirdPartyComponentPerformance).Monitors));
    }

    [Fact]
    public void LowRisk_NeedsDriftAndPerformanceOnly_AsPractice()
    {
        var plan = PostMarketMonitoringPlan.Create(Classifier.Classify(new UseCaseProfile("doc-summary") { DeploymentRegions = ["EU"] }),
            [LibraryMonitors.DataDrift, LibraryMonitors.ConceptDrift]);

        Assert.False(plan.IsRequiredByLaw);
        Assert.True(plan.IsComplete);
        Assert.Equal([MonitoredRisk.DataDrift, MonitoredRisk.PerformanceDegradation], plan.Risks.Select(r => r.Risk));
    }

    [Fact]
    public void Prohibited_GetsNoPlan()
    {
        var plan = PostMarketMonitoringPlan.Create(Classifier.Classify(new UseCaseProfile("scoring")
        {
            DeploymentRegions = ["EU"], ProhibitedPractices = [ProhibitedPractice.SocialScoring],
        }), LibraryMonitors.All);

        Assert.Equal(RiskTier.Prohibited, plan.Tier);
        Assert.Empty(plan.Risks);
        Assert.False(plan.IsComplete);
    }

    [Fact]
    public void EveryRiskProvision_IsAProvisionOfTheLaw()
    {
        var plan = PostMarketMonitoringPlan.Create(HighRiskProvider(), [], Enum.GetValues<MonitoredRisk>());
        Assert.All(plan.Risks.SelectMany(r => r.Provisions), id => Assert.True(Gates.Law.EuAiActLaw.Published.TryGet(id, out _), id));
        Assert.Equal(Enum.GetValues<MonitoredRisk>().Length, plan.Risks.Count);
    }

    [Fact]
    public void MonitorWithoutRisks_IsRefused() =>
        Assert.Throws<ArgumentException>(() => PostMarketMonitoringPlan.Create(HighRiskProvider(), [new MonitorCoverage("m", "d", [])]));
}
