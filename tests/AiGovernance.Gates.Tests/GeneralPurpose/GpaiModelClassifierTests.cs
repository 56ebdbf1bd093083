using AiGovernance.Gates.Classification;
using AiGovernance.Gates.GeneralPurpose;
using AiGovernance.Gates.Obligations;

namespace AiGovernance.Gates.Tests.GeneralPurpose;

public class GpaiModelClassifierTests
{
    private static readonly DateOnly EvaluatedOn = new(2026, 9, 1);

    private static GpaiModelProfile Model(double? flops) => new("model")
    {
        DisplaysSignificantGenerality = true, PerformsWideRangeOfDistinctTasks = true, IntegrableIntoDownstreamSystems = true,
        TrainingComputeFlops = flops, PlacedOnMarketOn = new DateOnly(2025, 10, 1), ProviderEstablishedInUnion = true,
    };

    private static GpaiModelClassifier Classifier(double threshold = 1e25) =>
        new(new RiskClassificationOptions { SystemicRiskComputeThresholdFlops = threshold });

    /// <summary>Art. 51(2): presumed high-impact "when the cumulative amount of computation used for its training measured in
    /// floating point operations is greater than 10^25" — strictly greater.</summary>
    [Theory]
    [InlineData(1e25, false)]
    [InlineData(1.0000001e25, true)]
    [InlineData(9.9e24, false)]
    [InlineData(2e26, true)]
    public void ComputeThreshold_IsStrictlyGreaterThan10To25(double flops, bool systemic)
    {
        var result = Classifier().Classify(Model(flops), EvaluatedOn);

        Assert.Equal(systemic ? SystemicRiskGrounds.ComputeAboveThreshold : SystemicRiskGrounds.None, result.SystemicRisk);
        Assert.Equal(systemic, result.Duties.Any(d => d.ProvisionId == "Art. 55(1)(a)"));
    }

    [Fact]
    public void Threshold_IsAnOption_ForADelegatedActAmendingIt()
    {
        var result = Classifier(threshold: 1e24).Classify(Model(5e24), EvaluatedOn);
        Assert.True(result.HasSystemicRisk);
    }

    [Fact]
    public void Article3Point63_AllThreeCriteriaAndNotResearchOnly()
    {
        Assert.True(Classifier().Classify(Model(1e24), EvaluatedOn).IsGeneralPurposeModel);
        Assert.False(Classifier().Classify(Model(1e24) with { IntegrableIntoDownstreamSystems = false }, EvaluatedOn).IsGeneralPurposeModel);
        var research = Classifier().Classify(Model(1e24) with { UsedOnlyForResearchBeforeMarket = true }, EvaluatedOn);
        Assert.False(research.IsGeneralPurposeModel);
        Assert.Empty(research.Duties);
    }

    [Fact]
    public void Article53Obligations_AllFourForAModelWithoutSystemicRisk()
    {
        var result = Classifier().Classify(Model(1e24), EvaluatedOn);

        Assert.Equal(["Art. 53(1)(a)", "Art. 53(1)(b)", "Art. 53(1)(c)", "Art. 53(1)(d)"], result.Duties.Select(d => d.ProvisionId));
        Assert.All(result.Duties, d => Assert.Equal(OrganisationRole.Provider, d.Role));
        Assert.All(result.Duties, d => Assert.Equal(new DateOnly(2025, 8, 2), d.AppliesFrom));
        Assert.Empty(result.GetDutiesNotYetApplicable());
    }

    /// <summary>Art. 53(2): the open-source exemption removes (a) and (b), never for a model with systemic risk.</summary>
    [Fact]
    public void OpenSourceExemption_RemovesTechnicalDocumentationAndDownstreamInformation_OnlyWithoutSystemicRisk()
    {
        var open = Classifier().Classify(Model(1e24) with { ReleasedAsFreeAndOpenSource = true, ProviderEstablishedInUnion = false }, EvaluatedOn);
        Assert.Equal(["Art. 53(1)(c)", "Art. 53(1)(d)"], open.Duties.Select(d => d.ProvisionId));
        Assert.Contains(open.Notes, n => n.Contains("Art. 53(2)", StringComparison.Ordinal));

        var openSystemic = Classifier().Classify(Model(3e25) with { ReleasedAsFreeAndOpenSource = true }, EvaluatedOn);
        Assert.Contains(openSystemic.Duties, d => d.ProvisionId == "Art. 53(1)(a)");
        Assert.Contains(openSystemic.Duties, d => d.ProvisionId == "Art. 53(1)(b)");
        Assert.Contains(openSystemic.Notes, n => n.Contains("does not apply to a model with systemic risk", StringComparison.Ordinal));
    }

    [Fact]
    public void Article55Obligations_ForSystemicRiskWithNotificationUnderArticle52()
    {
        var result = Classifier().Classify(Model(3e25), EvaluatedOn);

        Assert.Equal(["Art. 53(1)(a)", "Art. 53(1)(b)", "Art. 53(1)(c)", "Art. 53(1)(d)", "Art. 52(1)", "Art. 55(1)(a)", "Art. 55(1)(b)",
            "Art. 55(1)(c)", "Art. 55(1)(d)"], result.Duties.Select(d => d.ProvisionId));
        Assert.Equal(["EU AI Act Art. 3(63)", "EU AI Act Art. 51(2)"], result.Citations);
    }

    [Fact]
    public void Designation_GivesSystemicRiskWithoutNotification()
    {
        var result = Classifier().Classify(Model(1e22) with { DesignatedWithSystemicRisk = true, HasHighImpactCapabilities = false }, EvaluatedOn);

        Assert.Equal(SystemicRiskGrounds.CommissionDesignation, result.SystemicRisk);
        Assert.DoesNotContain(result.Duties, d => d.ProvisionId == "Art. 52(1)");
        Assert.Contains("EU AI Act Art. 51(1)(b)", result.Citations);
    }

    [Fact]
    public void UnknownCompute_IsPresumedAboveTheThreshold()
    {
        var result = Classifier().Classify(Model(null), EvaluatedOn);

        Assert.Equal(SystemicRiskGrounds.ComputeUnknown, result.SystemicRisk);
        Assert.Contains(result.Notes, n => n.Contains("not stated", StringComparison.Ordinal));
    }

    /// <summary>Art. 111(3): models placed on the market before 2 August 2025 comply by 2 August 2027.</summary>
    [Fact]
    public void LegacyModel_ObligationsApplyFromAugust2027()
    {
        var result = Classifier().Classify(Model(3e25) with { PlacedOnMarketOn = new DateOnly(2024, 11, 1) }, EvaluatedOn);

        Assert.All(result.Duties, d => Assert.Equal(new DateOnly(2027, 8, 2), d.AppliesFrom));
        Assert.Equal(result.Duties.Count, result.GetDutiesNotYetApplicable().Count);
    }

    [Fact]
    public void ProviderOutsideTheUnionOrUnknown_OwesAnAuthorisedRepresentative()
    {
        Assert.Contains(Classifier().Classify(Model(1e24) with { ProviderEstablishedInUnion = null }, EvaluatedOn).Duties,
            d => d.ProvisionId == "Art. 54(1)");
        Assert.DoesNotContain(Classifier().Classify(Model(1e24), EvaluatedOn).Duties, d => d.ProvisionId == "Art. 54(1)");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    public void InvalidCompute_NamesTheField(double flops)
    {
        var ex = Assert.Throws<ArgumentException>(() => Classifier().Classify(Model(flops), EvaluatedOn));
        Assert.Equal("profile", ex.ParamName);
        Assert.Contains("TrainingComputeFlops", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidThreshold_IsRefused() =>
        Assert.Throws<ArgumentException>(() => Classifier(threshold: 1e10));
}
