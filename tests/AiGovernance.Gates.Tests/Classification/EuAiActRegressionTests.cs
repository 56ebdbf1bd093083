using AiGovernance.Core;
using AiGovernance.Gates.Classification;
using AiGovernance.Gates.Obligations;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Gates.Tests.Classification;

/// <summary>The four defects of issue #29, each pinned to the provision it broke.</summary>
public class EuAiActRegressionTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero));

    private static RiskClassifier Classifier() => new(new RiskClassificationOptions(), Clock);

    /// <summary>Annex III point 6(e) is "profiling of natural persons ... in the course of the detection, investigation or
    /// prosecution of criminal offences"; Art. 6(3), third subparagraph: an Annex III system "shall always be considered to be
    /// high-risk where the AI system performs profiling of natural persons". Before the fix, "no profiling" plus Art. 6(3)(d)
    /// came out minimal risk.</summary>
    [Fact]
    public void AnnexIIIPoint6e_ClaimingArticle6Point3dWithoutProfiling_IsRefusedNamingBothFields()
    {
        var profile = new UseCaseProfile("suspect-ranking")
        {
            DeploymentRegions = ["EU"],
            HighRiskUseCases = [AnnexIIIUseCase.CriminalProfiling],
            Article6Exemption = Article6Exemption.PreparatoryTask,
            ProfilesNaturalPersons = false,
        };

        var ex = Assert.Throws<InconsistentUseCaseProfileException>(() => Classifier().Classify(profile));

        Assert.Equal("profile", ex.ParamName);
        Assert.Equal(["HighRiskUseCases", "ProfilesNaturalPersons"], ex.ConflictingFields);
        Assert.Contains("HighRiskUseCases", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ProfilesNaturalPersons", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Annex III point 6(e)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Art. 6(3), third subparagraph", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnnexIIIPoint6e_ClaimingArticle6Point3dWithProfiling_IsHighCitingTheThirdSubparagraph()
    {
        var result = Classifier().Classify(new UseCaseProfile("suspect-ranking")
        {
            DeploymentRegions = ["EU"],
            HighRiskUseCases = [AnnexIIIUseCase.CriminalProfiling],
            Article6Exemption = Article6Exemption.PreparatoryTask,
            ProfilesNaturalPersons = true,
        });

        Assert.Equal(RiskTier.High, result.Tier);
        Assert.True(result.Cites("EU AI Act Art. 6(3), third subparagraph and EU AI Act Annex III point 6(e)"));
        Assert.DoesNotContain(result.Matches, m => m.EuCategory == EuAiActCategory.MinimalRisk);
    }

    /// <summary>Art. 355(1) TFEU: Union law applies to Guadeloupe, French Guiana, Martinique, Mayotte, Réunion, Saint-Martin,
    /// the Azores, Madeira and the Canary Islands. Before the fix, <c>["RE"]</c> came back NotInScope.</summary>
    [Theory]
    [InlineData("RE")]
    [InlineData("GP")]
    [InlineData("GF")]
    [InlineData("MQ")]
    [InlineData("YT")]
    [InlineData("MF")]
    [InlineData("PT-20")]
    [InlineData("PT-30")]
    [InlineData("ES-CN")]
    [InlineData("IC")]
    [InlineData("EA")]
    [InlineData("re")]
    [InlineData(" FR-974 ")]
    public void OutermostRegion_IsInScope(string region)
    {
        var result = Classifier().Classify(new UseCaseProfile("credit") { DeploymentRegions = [region], HighRiskUseCases = [AnnexIIIUseCase.Creditworthiness] });

        Assert.Equal(EuAiActCategory.HighRisk, result.EuCategory);
        Assert.Equal(RiskTier.High, result.Tier);
    }

    [Theory]
    [InlineData("Réunion")]
    [InlineData("EMEA")]
    [InlineData("FRA")]
    [InlineData("XK")]
    [InlineData("")]
    public void UnknownOrAmbiguousRegion_IsInScope(string region)
    {
        var result = Classifier().Classify(new UseCaseProfile("credit") { DeploymentRegions = ["US", region], HighRiskUseCases = [AnnexIIIUseCase.Creditworthiness] });

        Assert.Equal(EuAiActCategory.HighRisk, result.EuCategory);
    }

    [Theory]
    [InlineData("US")]
    [InlineData("GB")]
    [InlineData("UK")]
    [InlineData("CH")]
    [InlineData("GL")]
    [InlineData("NC")]
    [InlineData("US-CA")]
    public void RecognisedRegionOutsideUnionLaw_IsNotInScope(string region)
    {
        var result = Classifier().Classify(new UseCaseProfile("credit") { DeploymentRegions = [region], HighRiskUseCases = [AnnexIIIUseCase.Creditworthiness] });

        Assert.Equal(EuAiActCategory.NotInScope, result.EuCategory);
    }

    /// <summary>Art. 27(1) binds "deployers that are bodies governed by public law, or are private entities providing public
    /// services"; Annex III 5(a) systems are "intended to be used by public authorities or on behalf of public authorities",
    /// so the assessment always applies. Before the fix only 5(b) and 5(c) got it.</summary>
    [Theory]
    [InlineData(DeployerType.PrivateEntity)]
    [InlineData(DeployerType.PublicAuthority)]
    [InlineData(DeployerType.Unknown)]
    public void AnnexIIIPoint5a_AlwaysRequiresTheFundamentalRightsImpactAssessment(DeployerType deployerType)
    {
        var result = Classifier().Classify(new UseCaseProfile("benefits")
        {
            DeploymentRegions = ["EU"],
            HighRiskUseCases = [AnnexIIIUseCase.PublicBenefitsEligibility],
            Roles = [OrganisationRole.Deployer],
            DeployerType = deployerType,
        });

        Assert.Contains("Fundamental rights impact assessment by the deployer (Art. 27)", result.RequiredDocumentation);
        var fria = Assert.Single(result.Duties, d => d.ProvisionId == "Art. 27(1)");
        Assert.Equal(OrganisationRole.Deployer, fria.Role);
        Assert.Contains("Annex III point 5(a)", fria.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void PrivateDeployerOfAnnexIIIPoint4a_OwesNoFundamentalRightsImpactAssessment()
    {
        var result = Classifier().Classify(new UseCaseProfile("cv-screening")
        {
            DeploymentRegions = ["EU"],
            HighRiskUseCases = [AnnexIIIUseCase.Recruitment],
            Roles = [OrganisationRole.Deployer],
            DeployerType = DeployerType.PrivateEntity,
        });

        Assert.DoesNotContain(result.Duties, d => d.ProvisionId == "Art. 27(1)");
        Assert.DoesNotContain("Fundamental rights impact assessment by the deployer (Art. 27)", result.RequiredDocumentation);
    }

    /// <summary>Art. 49(1) registers Annex III systems in the EU database "with the exception of high-risk AI systems referred
    /// to in point 2 of Annex III"; Art. 49(5): those "shall be registered at national level". Before the fix point 2 systems
    /// were sent to the EU database.</summary>
    [Fact]
    public void AnnexIIIPoint2_IsRegisteredAtNationalLevelNotInTheEuDatabase()
    {
        var result = Classifier().Classify(new UseCaseProfile("grid-balancer")
        {
            DeploymentRegions = ["EU"],
            HighRiskUseCases = [AnnexIIIUseCase.CriticalInfrastructureSafetyComponent],
            Roles = [OrganisationRole.Provider, OrganisationRole.Deployer],
            DeployerType = DeployerType.PublicAuthority,
        });

        Assert.Contains("Registration at national level (Art. 49(5))", result.RequiredDocumentation);
        Assert.DoesNotContain(result.RequiredDocumentation, d => d.Contains("EU database", StringComparison.Ordinal));
        Assert.Contains(result.Duties, d => d.ProvisionId == "Art. 49(5)" && d.Role == OrganisationRole.Provider);
        Assert.DoesNotContain(result.Duties, d => d.ProvisionId is "Art. 49(1)" or "Art. 49(3)" or "Art. 16(i)" or "Art. 26(8)");
        // Art. 27(1) excepts point 2 from the impact assessment, also for public deployers.
        Assert.DoesNotContain(result.Duties, d => d.ProvisionId == "Art. 27(1)");
    }
}
