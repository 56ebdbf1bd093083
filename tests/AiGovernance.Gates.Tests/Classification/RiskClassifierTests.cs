using AiGovernance.Core;
using AiGovernance.Gates.Classification;
using AiGovernance.Gates.Law;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Gates.Tests.Classification;

public class RiskClassifierTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    private static UseCaseProfile Eu(string name) => new(name) { DeploymentRegions = ["EU"] };

    private static UseCaseProfile AnnexIII(AnnexIIIUseCase useCase) =>
        Eu(useCase.ToString()) with { HighRiskUseCases = [useCase], DecisionAutonomy = DecisionAutonomy.HumanInTheLoop };

    /// <summary>The classification table: case name → profile, expected tier, EU category and a citation that must be present.</summary>
    public static readonly Dictionary<string, (UseCaseProfile Profile, RiskTier Tier, EuAiActCategory Category, string Citation)> Cases = new()
    {
        ["Art5(1)(a) manipulative techniques"] = (Eu("a") with { ProhibitedPractices = [ProhibitedPractice.ManipulativeTechniques] }, RiskTier.Prohibited, EuAiActCategory.Prohibited, "EU AI Act Art. 5(1)(a)"),
        ["Art5(1)(b) exploiting vulnerabilities"] = (Eu("b") with { ProhibitedPractices = [ProhibitedPractice.ExploitationOfVulnerabilities] }, RiskTier.Prohibited, EuAiActCategory.Prohibited, "EU AI Act Art. 5(1)(b)"),
        ["Art5(1)(c) social scoring"] = (Eu("c") with { ProhibitedPractices = [ProhibitedPractice.SocialScoring] }, RiskTier.Prohibited, EuAiActCategory.Prohibited, "EU AI Act Art. 5(1)(c)"),
        ["Art5(1)(d) crime prediction by profiling"] = (Eu("d") with { ProhibitedPractices = [ProhibitedPractice.CriminalOffenceRiskPrediction], ProfilesNaturalPersons = true }, RiskTier.Prohibited, EuAiActCategory.Prohibited, "EU AI Act Art. 5(1)(d)"),
        ["Art5(1)(e) facial image scraping"] = (Eu("e") with { ProhibitedPractices = [ProhibitedPractice.UntargetedFacialImageScraping] }, RiskTier.Prohibited, EuAiActCategory.Prohibited, "EU AI Act Art. 5(1)(e)"),
        ["Art5(1)(f) emotion recognition at work"] = (Eu("f") with { ProhibitedPractices = [ProhibitedPractice.EmotionRecognitionAtWorkOrSchool] }, RiskTier.Prohibited, EuAiActCategory.Prohibited, "EU AI Act Art. 5(1)(f)"),
        ["Art5(1)(g) sensitive biometric categorisation"] = (Eu("g") with { ProhibitedPractices = [ProhibitedPractice.SensitiveBiometricCategorisation] }, RiskTier.Prohibited, EuAiActCategory.Prohibited, "EU AI Act Art. 5(1)(g)"),
        ["Art5(1)(h) real-time remote biometric identification"] = (Eu("h") with { ProhibitedPractices = [ProhibitedPractice.RealTimeRemoteBiometricIdentification] }, RiskTier.Prohibited, EuAiActCategory.Prohibited, "EU AI Act Art. 5(1)(h)"),
        ["Annex III 1(a) remote biometric identification"] = (AnnexIII(AnnexIIIUseCase.RemoteBiometricIdentification), RiskTier.High, EuAiActCategory.HighRisk, "EU AI Act Art. 6(2) and EU AI Act Annex III point 1(a)"),
        ["Annex III 1(c) emotion recognition"] = (AnnexIII(AnnexIIIUseCase.EmotionRecognition), RiskTier.High, EuAiActCategory.HighRisk, "Annex III point 1(c)"),
        ["Annex III 2 critical infrastructure"] = (AnnexIII(AnnexIIIUseCase.CriticalInfrastructureSafetyComponent), RiskTier.High, EuAiActCategory.HighRisk, "Annex III point 2"),
        ["Annex III 3(a) education admission"] = (AnnexIII(AnnexIIIUseCase.EducationAdmission), RiskTier.High, EuAiActCategory.HighRisk, "Annex III point 3(a)"),
        ["Annex III 3(d) exam proctoring"] = (AnnexIII(AnnexIIIUseCase.ExamProctoring), RiskTier.High, EuAiActCategory.HighRisk, "Annex III point 3(d)"),
        ["Annex III 4(a) recruitment"] = (AnnexIII(AnnexIIIUseCase.Recruitment), RiskTier.High, EuAiActCategory.HighRisk, "Annex III point 4(a)"),
        ["Annex III 4(b) work relationship decisions"] = (AnnexIII(AnnexIIIUseCase.WorkRelationshipDecisions), RiskTier.High, EuAiActCategory.HighRisk, "Annex III point 4(b)"),
        ["Annex III 5(a) public benefits eligibility"] = (AnnexIII(AnnexIIIUseCase.PublicBenefitsEligibility), RiskTier.High, EuAiActCategory.HighRisk, "Annex III point 5(a)"),
        ["Annex III 5(b) creditworthiness"] = (AnnexIII(AnnexIIIUseCase.Creditworthiness), RiskTier.High, EuAiActCategory.HighRisk, "Annex III point 5(b)"),
        ["Annex III 5(c) life and health insurance pricing"] = (AnnexIII(AnnexIIIUseCase.LifeAndHealthInsurancePricing), RiskTier.High, EuAiActCategory.HighRisk, "Annex III point 5(c)"),
        ["Annex III 5(d) emergency triage"] = (AnnexIII(AnnexIIIUseCase.EmergencyTriage), RiskTier.High, EuAiActCategory.HighRisk, "Annex III point 5(d)"),
        ["Annex III 6(d) offending risk assessment"] = (AnnexIII(AnnexIIIUseCase.OffendingRiskAssessment), RiskTier.High, EuAiActCategory.HighRisk, "Annex III point 6(d)"),
        ["Annex III 6(e) criminal profiling"] = (AnnexIII(AnnexIIIUseCase.CriminalProfiling) with { ProfilesNaturalPersons = true }, RiskTier.High, EuAiActCategory.HighRisk, "Annex III point 6(e)"),
        ["Annex III 7(c) asylum and visa applications"] = (AnnexIII(AnnexIIIUseCase.AsylumVisaAndResidenceApplications), RiskTier.High, EuAiActCategory.HighRisk, "Annex III point 7(c)"),
        ["Annex III 7(d) migration identification"] = (AnnexIII(AnnexIIIUseCase.MigrationPersonIdentification), RiskTier.High, EuAiActCategory.HighRisk, "Annex III point 7(d)"),
        ["Annex III 8(a) judicial decision support"] = (AnnexIII(AnnexIIIUseCase.JudicialDecisionSupport), RiskTier.High, EuAiActCategory.HighRisk, "Annex III point 8(a)"),
        ["Annex III 8(b) election influence"] = (AnnexIII(AnnexIIIUseCase.ElectionInfluence), RiskTier.High, EuAiActCategory.HighRisk, "Annex III point 8(b)"),
        ["Art6(3)(a) narrow procedural task, no profiling, automated"] = (AnnexIII(AnnexIIIUseCase.Recruitment) with { Article6Exemption = Article6Exemption.NarrowProceduralTask, DecisionAutonomy = DecisionAutonomy.Automated }, RiskTier.Medium, EuAiActCategory.MinimalRisk, "EU AI Act Art. 6(3)(a)"),
        ["Art6(3)(d) preparatory task, no profiling, human in the loop"] = (AnnexIII(AnnexIIIUseCase.EducationAdmission) with { Article6Exemption = Article6Exemption.PreparatoryTask }, RiskTier.Low, EuAiActCategory.MinimalRisk, "EU AI Act Art. 6(3)(d)"),
        ["Art6(3)(c) claimed but profiles natural persons"] = (AnnexIII(AnnexIIIUseCase.Creditworthiness) with { Article6Exemption = Article6Exemption.DetectsDecisionPatterns, ProfilesNaturalPersons = true }, RiskTier.High, EuAiActCategory.HighRisk, "EU AI Act Art. 6(3), third subparagraph and EU AI Act Annex III point 5(b)"),
        ["Art6(1) Annex I safety component"] = (Eu("brake-assist") with { IsSafetyComponentOfRegulatedProduct = true }, RiskTier.High, EuAiActCategory.HighRisk, "EU AI Act Art. 6(1)"),
        ["Art50(1) chatbot"] = (Eu("chatbot") with { InteractsWithNaturalPersons = true }, RiskTier.Low, EuAiActCategory.LimitedRisk, "EU AI Act Art. 50(1)"),
        ["Art50(2) synthetic content, automated"] = (Eu("image-gen") with { GeneratesSyntheticContent = true, DecisionAutonomy = DecisionAutonomy.Automated }, RiskTier.Medium, EuAiActCategory.LimitedRisk, "EU AI Act Art. 50(2)"),
        ["Art50(4) deep fakes"] = (Eu("face-swap") with { GeneratesDeepFakes = true, GeneratesSyntheticContent = true }, RiskTier.Low, EuAiActCategory.LimitedRisk, "EU AI Act Art. 50(4)"),
        ["Internal: automated decisions outside the EU"] = (new UseCaseProfile("pricing") { DeploymentRegions = ["US"], DecisionAutonomy = DecisionAutonomy.Automated }, RiskTier.Medium, EuAiActCategory.NotInScope, "Internal risk framework: automated decisions or affected rights"),
        ["Internal: affected rights, human in the loop"] = (Eu("triage-assist") with { AffectedRights = [FundamentalRight.Privacy] }, RiskTier.Medium, EuAiActCategory.MinimalRisk, "Internal risk framework: automated decisions or affected rights"),
        ["Internal: human on the loop, no rights"] = (Eu("doc-summary") with { DecisionAutonomy = DecisionAutonomy.HumanOnTheLoop }, RiskTier.Low, EuAiActCategory.MinimalRisk, "Internal risk framework: minimal impact"),
        ["Prohibited wins over high, reasons kept"] = (AnnexIII(AnnexIIIUseCase.Recruitment) with { ProhibitedPractices = [ProhibitedPractice.EmotionRecognitionAtWorkOrSchool] }, RiskTier.Prohibited, EuAiActCategory.Prohibited, "Annex III point 4(a)"),
        ["Member state code counts as EU"] = (new UseCaseProfile("de-credit") { DeploymentRegions = ["de"], HighRiskUseCases = [AnnexIIIUseCase.Creditworthiness] }, RiskTier.High, EuAiActCategory.HighRisk, "Annex III point 5(b)"),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Classify_TableCase_GivesExpectedTierCategoryAndCitation(string caseName)
    {
        var (profile, tier, category, citation) = Cases[caseName];
        var result = new RiskClassifier(new RiskClassificationOptions(), Clock).Classify(profile);

        Assert.Equal(tier, result.Tier);
        Assert.Equal(category, result.EuCategory);
        Assert.True(result.Cites(citation), $"expected citation '{citation}' in: {string.Join(" | ", result.Matches.Select(m => m.Citation))}");
        Assert.Contains(result.Matches, m => m.Tier == tier);
        Assert.Equal("eu-ai-act@2024.1689+omnibus-2026:tightening;internal-baseline@1", result.RuleSetVersion);
    }

    [Fact]
    public void Table_CoversEveryArticle5PointAndEveryAnnexIIIArea()
    {
        var classifier = new RiskClassifier(new RiskClassificationOptions(), Clock);
        var practices = new HashSet<ProhibitedPractice>();
        var areas = new HashSet<AnnexIIIArea>();
        foreach (var (profile, _, _, _) in Cases.Values)
        {
            practices.UnionWith(profile.ProhibitedPractices);
            if (classifier.Classify(profile).Tier == RiskTier.High)
            {
                areas.UnionWith(profile.HighRiskUseCases.Select(AnnexIIIUseCases.GetArea));
            }
        }

        Assert.Equal(8, practices.Count);
        Assert.Equal(8, areas.Count);
        Assert.True(Cases.Count >= 25);
    }

    [Fact]
    public void Classify_HighRisk_RecordsDocumentationControlsAndRegulations()
    {
        var result = new RiskClassifier(new RiskClassificationOptions(), Clock).Classify(
            AnnexIII(AnnexIIIUseCase.Creditworthiness) with { ProfilesNaturalPersons = true, DecisionAutonomy = DecisionAutonomy.Automated });

        Assert.Contains("Technical documentation per Annex IV (Art. 11)", result.RequiredDocumentation);
        Assert.Contains("Fundamental rights impact assessment by the deployer (Art. 27)", result.RequiredDocumentation);
        Assert.Contains("Independent validation by a team that did not build the model", result.RequiredControls);
        Assert.Equal(["Regulation (EU) 2024/1689 (EU AI Act)", "Internal AI risk framework", "Regulation (EU) 2016/679 (GDPR)"], result.Regulations);
        // All reasons kept: the Annex III reason and the internal baseline's medium reason.
        Assert.Contains(result.Matches, m => m.RuleId == InternalRiskRule.RuleId && m.Tier == RiskTier.Medium);
    }

    [Fact]
    public void Classify_Article6Exemption_RecordsTheAssessmentAsDocumentation()
    {
        var result = new RiskClassifier(new RiskClassificationOptions(), Clock).Classify(
            AnnexIII(AnnexIIIUseCase.Recruitment) with { Article6Exemption = Article6Exemption.NarrowProceduralTask });

        Assert.Equal(RiskTier.Low, result.Tier);
        Assert.Contains("Art. 6(3) assessment documented before placing on the market (Art. 6(4))", result.RequiredDocumentation);
        Assert.DoesNotContain(result.Matches, m => m.Tier == RiskTier.High);
    }

    [Fact]
    public void Classify_EmotionRecognition_AddsArticle50Point3Obligation()
    {
        var result = new RiskClassifier(new RiskClassificationOptions(), Clock).Classify(AnnexIII(AnnexIIIUseCase.EmotionRecognition));
        Assert.True(result.Cites("Art. 50(3)"));
        Assert.Contains("Inform exposed persons of the operation of the system and process personal data under the GDPR", result.Obligations);
    }

    [Fact]
    public void Classify_ProhibitedPracticeOutsideEu_NotInScopeUnlessPolicyAppliesTheActEverywhere()
    {
        var profile = new UseCaseProfile("scoring") { DeploymentRegions = ["US"], ProhibitedPractices = [ProhibitedPractice.SocialScoring] };

        var local = new RiskClassifier(new RiskClassificationOptions(), Clock).Classify(profile);
        var everywhere = new RiskClassifier(new RiskClassificationOptions { ApplyEuAiActOutsideEu = true }, Clock).Classify(profile);

        Assert.Equal(EuAiActCategory.NotInScope, local.EuCategory);
        Assert.Equal(RiskTier.Low, local.Tier);
        Assert.Equal(RiskTier.Prohibited, everywhere.Tier);
        Assert.True(everywhere.Cites("Art. 5(1)(c)"));
    }

    [Fact]
    public void Classify_UnknownRegions_AreTreatedAsInScope()
    {
        var result = new RiskClassifier(new RiskClassificationOptions(), Clock).Classify(
            new UseCaseProfile("x") { ProhibitedPractices = [ProhibitedPractice.SocialScoring] });
        Assert.Equal(RiskTier.Prohibited, result.Tier);
    }

    [Fact]
    public void Classify_ApplicationDates_ComeFromTheLawVersionAndAnAmendmentCanMoveThem()
    {
        var postponement = new LawAmendment
        {
            Id = "test-postponement", Citation = "Test amendment", Source = "unit test", Confidence = ProvisionConfidence.Confirmed,
            Changes = [new ProvisionChange { ProvisionId = "Art. 6(2)", Effect = AmendmentEffect.Relaxes, AppliesFrom = new DateOnly(2027, 12, 2) }],
        };
        var result = new RiskClassifier(new RiskClassificationOptions(), Clock, amendments: [postponement])
            .Classify(AnnexIII(AnnexIIIUseCase.Recruitment) with { InteractsWithNaturalPersons = true });

        var annex = Assert.Single(result.Matches, m => m.Tier == RiskTier.High);
        Assert.Equal(new DateOnly(2027, 12, 2), annex.AppliesFrom);
        Assert.Equal(new DateOnly(2026, 8, 2), Assert.Single(result.Matches, m => m.Citation == "EU AI Act Art. 50(1)").AppliesFrom);
        // Classified on 2026-11-26: Art. 50 applies already, the postponed Annex III date does not.
        Assert.Same(annex, Assert.Single(result.GetMatchesNotYetApplicable()));
        Assert.Equal("2024.1689+omnibus-2026:tightening+test-postponement", result.Law.Id);
    }

    private sealed class BankingRule : IRiskRule
    {
        public string Id => "eba-guidelines";

        public string Version => "3";

        public IReadOnlyList<RiskRuleMatch> Evaluate(UseCaseProfile profile) =>
            profile.Domain == "banking"
                ? [new RiskRuleMatch(Id, RiskTier.High, "EBA/GL/2020/06 loan origination", "Automated loan decisions.") { Regulation = "EBA guidelines", RequiredDocumentation = ["Model risk inventory entry"] }]
                : [];
    }

    [Fact]
    public void Classify_UserRule_HighestTierWinsAndAllReasonsAreKept()
    {
        var classifier = new RiskClassifier(new RiskClassificationOptions(), Clock, [new BankingRule()]);
        var result = classifier.Classify(new UseCaseProfile("loans") { Domain = "banking", DeploymentRegions = ["US"], DecisionAutonomy = DecisionAutonomy.Automated });

        Assert.Equal(RiskTier.High, result.Tier);
        Assert.Equal(2, result.Matches.Count);
        Assert.Contains(result.Matches, m => m.Tier == RiskTier.Medium);
        Assert.Contains("EBA guidelines", result.Regulations);
        Assert.Contains("Model risk inventory entry", result.RequiredDocumentation);
        Assert.Equal("eba-guidelines@3;eu-ai-act@2024.1689+omnibus-2026:tightening;internal-baseline@1", result.RuleSetVersion);
        Assert.Equal(Clock.GetUtcNow(), result.ClassifiedAt);
    }

    [Fact]
    public void Classify_UndefinedEnumValue_NamesProfile()
    {
        var classifier = new RiskClassifier(new RiskClassificationOptions(), Clock);
        var ex = Assert.Throws<ArgumentException>(() => classifier.Classify(Eu("x") with { HighRiskUseCases = [(AnnexIIIUseCase)42] }));
        Assert.Equal("profile", ex.ParamName);
    }

    [Fact]
    public void UseCaseProfile_EmptyName_NamesArgument() =>
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new UseCaseProfile(" ")).ParamName);

    [Fact]
    public void AnnexIIIUseCases_EveryUseCaseHasAnAreaAndCitation()
    {
        foreach (var useCase in Enum.GetValues<AnnexIIIUseCase>())
        {
            var area = AnnexIIIUseCases.GetArea(useCase);
            Assert.StartsWith("EU AI Act Annex III point " + (int)area, AnnexIIIUseCases.GetCitation(useCase));
        }
    }
}
