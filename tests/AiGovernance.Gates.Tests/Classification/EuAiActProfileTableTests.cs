using AiGovernance.Core;
using AiGovernance.Gates.Classification;
using AiGovernance.Gates.GeneralPurpose;
using AiGovernance.Gates.Law;
using AiGovernance.Gates.Obligations;
using Microsoft.Extensions.Time.Testing;
using static AiGovernance.Gates.Obligations.OrganisationRole;

namespace AiGovernance.Gates.Tests.Classification;

/// <summary>Sixty-four profiles written from the provisions' text: the tier and EU category, the citations that must be
/// made, the duties each role must (and must not) owe, and the date the headline provision applies under the regulation
/// as published (2024/1689, no amendment) and as amended by the reported Digital Omnibus (every change applied).</summary>
public class EuAiActProfileTableTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero));
    private static readonly DateOnly Feb2025 = new(2025, 2, 2);
    private static readonly DateOnly Aug2025 = new(2025, 8, 2);
    private static readonly DateOnly Aug2026 = new(2026, 8, 2);
    private static readonly DateOnly Dec2026 = new(2026, 12, 2);
    private static readonly DateOnly Aug2027 = new(2027, 8, 2);
    private static readonly DateOnly Dec2027 = new(2027, 12, 2);
    private static readonly DateOnly Aug2028 = new(2028, 8, 2);

    private static readonly RiskClassifier Published = Create(UnconfirmedAmendmentPolicy.Exclude);
    private static readonly RiskClassifier Default = Create(UnconfirmedAmendmentPolicy.TighteningOnly);
    private static readonly RiskClassifier Amended = Create(UnconfirmedAmendmentPolicy.Include);

    /// <summary>One row: a profile and what the Act says about it.</summary>
    /// <param name="Profile">The use case.</param>
    /// <param name="Tier">The tier.</param>
    /// <param name="Category">The EU category.</param>
    /// <param name="Citations">Citations that must be made; the first is the headline.</param>
    /// <param name="Duties">Duties that must be listed, as <c>Role:provision</c>.</param>
    /// <param name="NotDuties">Duties that must not be listed.</param>
    /// <param name="PublishedFrom">When the headline applies under the published regulation; <see langword="null"/> when the
    /// published regulation does not have it (the classification is then refused) or it is not an EU AI Act citation.</param>
    /// <param name="AmendedFrom">When the headline applies under the amended regulation.</param>
    public sealed record Row(UseCaseProfile Profile, RiskTier Tier, EuAiActCategory Category, string[] Citations, string[] Duties,
        string[] NotDuties, DateOnly? PublishedFrom, DateOnly? AmendedFrom);

    private static RiskClassifier Create(UnconfirmedAmendmentPolicy policy) =>
        new(new RiskClassificationOptions { UnconfirmedAmendments = policy }, Clock);

    private static UseCaseProfile Eu(string name, params OrganisationRole[] roles) => new(name) { DeploymentRegions = ["EU"], Roles = roles };

    private static UseCaseProfile Annex(AnnexIIIUseCase useCase, DeployerType deployer, params OrganisationRole[] roles) =>
        Eu(useCase.ToString(), roles) with { HighRiskUseCases = [useCase], DeployerType = deployer };

    private static string AnnexCitation(string point) => "EU AI Act Art. 6(2) and EU AI Act Annex III point " + point;

    private static Row Prohibited(ProhibitedPractice practice, DateOnly? published, DateOnly amended) =>
        new(Eu(practice.ProvisionId, Provider, Deployer) with { ProhibitedPractices = [practice] }, RiskTier.Prohibited, EuAiActCategory.Prohibited,
            ["EU AI Act " + practice.ProvisionId], ["Provider:" + practice.ProvisionId, "Deployer:" + practice.ProvisionId], [], published, amended);

    private static Row High(AnnexIIIUseCase useCase, string point, DeployerType deployer, OrganisationRole[] roles, string[] duties, string[]? notDuties = null) =>
        new(Annex(useCase, deployer, roles) with { ProfilesNaturalPersons = useCase == AnnexIIIUseCase.CriminalProfiling }, RiskTier.High,
            EuAiActCategory.HighRisk, [AnnexCitation(point)], duties, notDuties ?? [], Aug2026, Dec2027);

    private static GpaiModelProfile Model(string name, double? flops) => new(name)
    {
        DisplaysSignificantGenerality = true, PerformsWideRangeOfDistinctTasks = true, IntegrableIntoDownstreamSystems = true,
        TrainingComputeFlops = flops, PlacedOnMarketOn = new DateOnly(2025, 9, 1),
    };

    public static readonly Dictionary<string, Row> Rows = new()
    {
        // Article 5(1)(a)-(h): prohibited since 2 February 2025 (Art. 113(a)); the Omnibus changes none of them.
        ["Art. 5(1)(a) manipulative techniques"] = Prohibited(ProhibitedPractice.ManipulativeTechniques, Feb2025, Feb2025),
        ["Art. 5(1)(b) exploiting vulnerabilities"] = Prohibited(ProhibitedPractice.ExploitationOfVulnerabilities, Feb2025, Feb2025),
        ["Art. 5(1)(c) social scoring"] = Prohibited(ProhibitedPractice.SocialScoring, Feb2025, Feb2025),
        ["Art. 5(1)(d) offence prediction by profiling"] = Prohibited(ProhibitedPractice.CriminalOffenceRiskPrediction, Feb2025, Feb2025),
        ["Art. 5(1)(e) facial image scraping"] = Prohibited(ProhibitedPractice.UntargetedFacialImageScraping, Feb2025, Feb2025),
        ["Art. 5(1)(f) emotion recognition at work"] = Prohibited(ProhibitedPractice.EmotionRecognitionAtWorkOrSchool, Feb2025, Feb2025),
        ["Art. 5(1)(g) sensitive biometric categorisation"] = Prohibited(ProhibitedPractice.SensitiveBiometricCategorisation, Feb2025, Feb2025),
        ["Art. 5(1)(h) real-time remote biometric identification"] = Prohibited(ProhibitedPractice.RealTimeRemoteBiometricIdentification, Feb2025, Feb2025),
        // The reported Omnibus prohibitions: absent from the published text, from 2 December 2026 when amended.
        ["Omnibus: non-consensual intimate content"] = Prohibited(ProhibitedPractice.NonConsensualIntimateContent, null, Dec2026),
        ["Omnibus: child sexual abuse material"] = Prohibited(ProhibitedPractice.ChildSexualAbuseMaterial, null, Dec2026),

        // Annex III, all 25 points: Art. 6(2) from 2 August 2026, 2 December 2027 under the Omnibus.
        ["Annex III 1(a) remote biometric identification, public deployer"] = High(AnnexIIIUseCase.RemoteBiometricIdentification, "1(a)",
            DeployerType.PublicAuthority, [Deployer], ["Deployer:Art. 26(10)", "Deployer:Art. 49(3)", "Deployer:Art. 49(4)", "Deployer:Art. 27(1)",
                "Deployer:Art. 86(1)", "Deployer:Art. 26(11)", "Deployer:Art. 4"], ["Provider:Art. 16(a)"]),
        ["Annex III 1(b) biometric categorisation, provider and private deployer"] = High(AnnexIIIUseCase.BiometricCategorisation, "1(b)",
            DeployerType.PrivateEntity, [Provider, Deployer], ["Provider:Art. 16(a)", "Provider:Art. 49(1)", "Provider:Art. 49(4)", "Deployer:Art. 50(3)"],
            ["Deployer:Art. 27(1)", "Deployer:Art. 49(3)", "Provider:Art. 50(3)"]),
        ["Annex III 1(c) emotion recognition, private deployer"] = High(AnnexIIIUseCase.EmotionRecognition, "1(c)", DeployerType.PrivateEntity,
            [Deployer], ["Deployer:Art. 50(3)", "Deployer:Art. 26(2)"], ["Deployer:Art. 27(1)"]),
        ["Annex III 2 critical infrastructure, provider and public deployer"] = High(AnnexIIIUseCase.CriticalInfrastructureSafetyComponent, "2",
            DeployerType.PublicAuthority, [Provider, Deployer], ["Provider:Art. 49(5)", "Provider:Art. 72", "Deployer:Art. 26(6)"],
            ["Provider:Art. 49(1)", "Provider:Art. 16(i)", "Deployer:Art. 27(1)", "Deployer:Art. 49(3)", "Deployer:Art. 86(1)", "Deployer:Art. 26(8)"]),
        ["Annex III 3(a) admission, private school providing a public service"] = High(AnnexIIIUseCase.EducationAdmission, "3(a)",
            DeployerType.PrivateEntityProvidingPublicServices, [Deployer], ["Deployer:Art. 27(1)", "Deployer:Art. 49(3)"]),
        ["Annex III 3(b) learning outcomes, public deployer"] = High(AnnexIIIUseCase.LearningOutcomeEvaluation, "3(b)", DeployerType.PublicAuthority,
            [Deployer], ["Deployer:Art. 49(3)", "Deployer:Art. 27(1)", "Deployer:Art. 26(8)"], ["Deployer:Art. 49(4)"]),
        ["Annex III 3(c) education level, provider"] = High(AnnexIIIUseCase.EducationLevelAssessment, "3(c)", DeployerType.Unknown, [Provider],
            ["Provider:Art. 16(i)", "Provider:Art. 72", "Provider:Art. 73(1)", "Provider:Art. 4"], ["Deployer:Art. 26(1)"]),
        ["Annex III 3(d) proctoring, importer"] = High(AnnexIIIUseCase.ExamProctoring, "3(d)", DeployerType.Unknown, [Importer],
            ["Importer:Art. 23(1)", "Importer:Art. 23(3)", "Importer:Art. 23(5)"], ["Provider:Art. 16(a)", "Importer:Art. 4"]),
        ["Annex III 4(a) recruitment, private employer"] = High(AnnexIIIUseCase.Recruitment, "4(a)", DeployerType.PrivateEntity, [Deployer],
            ["Deployer:Art. 26(7)", "Deployer:Art. 26(11)", "Deployer:Art. 86(1)"], ["Deployer:Art. 27(1)", "Deployer:Art. 49(3)"]),
        ["Annex III 4(b) worker management, distributor"] = High(AnnexIIIUseCase.WorkRelationshipDecisions, "4(b)", DeployerType.Unknown,
            [Distributor], ["Distributor:Art. 24(1)", "Distributor:Art. 24(2)", "Distributor:Art. 24(4)"], ["Importer:Art. 23(1)"]),
        ["Annex III 5(a) public benefits, public authority"] = High(AnnexIIIUseCase.PublicBenefitsEligibility, "5(a)", DeployerType.PublicAuthority,
            [Deployer], ["Deployer:Art. 27(1)", "Deployer:Art. 49(3)", "Deployer:Art. 86(1)"]),
        ["Annex III 5(b) creditworthiness, private bank"] = High(AnnexIIIUseCase.Creditworthiness, "5(b)", DeployerType.PrivateEntity, [Deployer],
            ["Deployer:Art. 27(1)", "Deployer:Art. 86(1)", "Deployer:Art. 26(5)"], ["Deployer:Art. 49(3)", "Deployer:Art. 26(8)"]),
        ["Annex III 5(c) life and health insurance, private insurer"] = High(AnnexIIIUseCase.LifeAndHealthInsurancePricing, "5(c)",
            DeployerType.PrivateEntity, [Deployer], ["Deployer:Art. 27(1)"], ["Deployer:Art. 49(3)"]),
        ["Annex III 5(d) emergency triage, public deployer"] = High(AnnexIIIUseCase.EmergencyTriage, "5(d)", DeployerType.PublicAuthority,
            [Deployer], ["Deployer:Art. 27(1)", "Deployer:Art. 49(3)"], ["Deployer:Art. 49(4)"]),
        ["Annex III 6(a) victim risk, police"] = High(AnnexIIIUseCase.VictimRiskAssessment, "6(a)", DeployerType.PublicAuthority, [Deployer],
            ["Deployer:Art. 49(3)", "Deployer:Art. 49(4)"]),
        ["Annex III 6(b) polygraph, provider"] = High(AnnexIIIUseCase.LawEnforcementPolygraph, "6(b)", DeployerType.Unknown, [Provider],
            ["Provider:Art. 49(1)", "Provider:Art. 49(4)"]),
        ["Annex III 6(c) evidence reliability, police"] = High(AnnexIIIUseCase.EvidenceReliability, "6(c)", DeployerType.PublicAuthority,
            [Deployer], ["Deployer:Art. 27(1)"]),
        ["Annex III 6(d) offending risk, provider"] = High(AnnexIIIUseCase.OffendingRiskAssessment, "6(d)", DeployerType.Unknown, [Provider],
            ["Provider:Art. 16(a)", "Provider:Art. 16(l)"]),
        ["Annex III 6(e) criminal profiling, police"] = High(AnnexIIIUseCase.CriminalProfiling, "6(e)", DeployerType.PublicAuthority, [Deployer],
            ["Deployer:Art. 86(1)", "Deployer:Art. 49(4)"]),
        ["Annex III 7(a) migration polygraph, provider"] = High(AnnexIIIUseCase.MigrationPolygraph, "7(a)", DeployerType.Unknown, [Provider],
            ["Provider:Art. 49(4)"]),
        ["Annex III 7(b) migration risk, border authority"] = High(AnnexIIIUseCase.MigrationRiskAssessment, "7(b)", DeployerType.PublicAuthority,
            [Deployer], ["Deployer:Art. 49(3)"]),
        ["Annex III 7(c) asylum applications, border authority"] = High(AnnexIIIUseCase.AsylumVisaAndResidenceApplications, "7(c)",
            DeployerType.PublicAuthority, [Deployer], ["Deployer:Art. 27(1)"]),
        ["Annex III 7(d) migration identification, provider"] = High(AnnexIIIUseCase.MigrationPersonIdentification, "7(d)", DeployerType.Unknown,
            [Provider], ["Provider:Art. 16(a)"]),
        ["Annex III 8(a) judicial support, court"] = High(AnnexIIIUseCase.JudicialDecisionSupport, "8(a)", DeployerType.PublicAuthority, [Deployer],
            ["Deployer:Art. 27(1)", "Deployer:Art. 26(11)"]),
        ["Annex III 8(b) election influence, provider"] = High(AnnexIIIUseCase.ElectionInfluence, "8(b)", DeployerType.PrivateEntity, [Provider],
            ["Provider:Art. 49(1)"], ["Provider:Art. 49(4)"]),

        // Article 6(3): a condition without profiling takes an Annex III system out of high risk; documented (Art. 6(4)) and
        // registered (Art. 49(2)). With profiling it stays high (third subparagraph).
        ["Art. 6(3)(a) narrow procedural task for 4(a)"] = new(Annex(AnnexIIIUseCase.Recruitment, DeployerType.PrivateEntity, Provider) with
            { Article6Exemption = Article6Exemption.NarrowProceduralTask }, RiskTier.Low, EuAiActCategory.MinimalRisk,
            ["EU AI Act Art. 6(3)(a) and EU AI Act Annex III point 4(a)"], ["Provider:Art. 6(4)", "Provider:Art. 49(2)"], ["Provider:Art. 16(a)"],
            Aug2026, Dec2027),
        ["Art. 6(3)(b) improving a completed human activity for 3(b)"] = new(Annex(AnnexIIIUseCase.LearningOutcomeEvaluation, DeployerType.PrivateEntity,
            Provider) with { Article6Exemption = Article6Exemption.ImprovesCompletedHumanActivity }, RiskTier.Low, EuAiActCategory.MinimalRisk,
            ["EU AI Act Art. 6(3)(b) and EU AI Act Annex III point 3(b)"], ["Provider:Art. 6(4)"], ["Provider:Art. 72"], Aug2026, Dec2027),
        ["Art. 6(3)(c) detecting decision patterns for 5(d), automated"] = new(Annex(AnnexIIIUseCase.EmergencyTriage, DeployerType.PrivateEntity,
            Provider) with { Article6Exemption = Article6Exemption.DetectsDecisionPatterns, DecisionAutonomy = DecisionAutonomy.Automated },
            RiskTier.Medium, EuAiActCategory.MinimalRisk, ["EU AI Act Art. 6(3)(c) and EU AI Act Annex III point 5(d)"], ["Provider:Art. 49(2)"],
            ["Provider:Art. 49(1)"], Aug2026, Dec2027),
        ["Art. 6(3)(d) preparatory task for 8(a), deployer"] = new(Annex(AnnexIIIUseCase.JudicialDecisionSupport, DeployerType.PublicAuthority,
            Deployer) with { Article6Exemption = Article6Exemption.PreparatoryTask }, RiskTier.Low, EuAiActCategory.MinimalRisk,
            ["EU AI Act Art. 6(3)(d) and EU AI Act Annex III point 8(a)"], ["Deployer:Art. 4"], ["Deployer:Art. 27(1)", "Deployer:Art. 26(1)"],
            Aug2026, Dec2027),
        ["Art. 6(3)(c) claimed with profiling for 5(b)"] = new(Annex(AnnexIIIUseCase.Creditworthiness, DeployerType.PrivateEntity, Provider) with
            { Article6Exemption = Article6Exemption.DetectsDecisionPatterns, ProfilesNaturalPersons = true }, RiskTier.High, EuAiActCategory.HighRisk,
            ["EU AI Act Art. 6(2) and EU AI Act Art. 6(3), third subparagraph and EU AI Act Annex III point 5(b)"], ["Provider:Art. 16(a)"],
            ["Provider:Art. 6(4)", "Provider:Art. 49(2)"], Aug2026, Dec2027),

        // Article 6(1) and Annex I: from 2 August 2027 (Art. 113(c)), 2 August 2028 under the Omnibus; no Art. 49 registration.
        ["Art. 6(1) Annex I safety component, provider"] = new(Eu("brake-assist", Provider) with { IsSafetyComponentOfRegulatedProduct = true },
            RiskTier.High, EuAiActCategory.HighRisk, ["EU AI Act Art. 6(1)"], ["Provider:Art. 16(a)", "Provider:Art. 16(h)", "Provider:Art. 72"],
            ["Provider:Art. 49(1)", "Provider:Art. 16(i)", "Provider:Art. 49(5)"], Aug2027, Aug2028),
        ["Art. 6(1) Annex I safety component, deployer"] = new(Eu("lift-controller", Deployer) with { IsSafetyComponentOfRegulatedProduct = true,
            DeployerType = DeployerType.PrivateEntity }, RiskTier.High, EuAiActCategory.HighRisk, ["EU AI Act Art. 6(1)"],
            ["Deployer:Art. 26(1)", "Deployer:Art. 26(6)"], ["Deployer:Art. 26(11)", "Deployer:Art. 27(1)", "Deployer:Art. 86(1)"], Aug2027, Aug2028),
        ["Art. 6(1) and Annex III 5(b) together"] = new(Annex(AnnexIIIUseCase.Creditworthiness, DeployerType.PrivateEntity, Provider) with
            { IsSafetyComponentOfRegulatedProduct = true }, RiskTier.High, EuAiActCategory.HighRisk, [AnnexCitation("5(b)"), "EU AI Act Art. 6(1)"],
            ["Provider:Art. 16(a)", "Provider:Art. 49(1)"], [], Aug2026, Dec2027),

        // Article 25(1): a deployer, importer or distributor becomes the provider of a high-risk system.
        ["Art. 25(1)(b) deployer substantially modifies 4(a)"] = new(Annex(AnnexIIIUseCase.Recruitment, DeployerType.PrivateEntity, Deployer) with
            { Article25Triggers = [Article25Trigger.SubstantialModification] }, RiskTier.High, EuAiActCategory.HighRisk, [AnnexCitation("4(a)")],
            ["Provider:Art. 25(1)(b)", "Provider:Art. 16(a)", "Provider:Art. 49(1)", "Deployer:Art. 26(1)"], [], Aug2026, Dec2027),
        ["Art. 25(1)(a) distributor rebrands 5(b)"] = new(Annex(AnnexIIIUseCase.Creditworthiness, DeployerType.PrivateEntity, Distributor) with
            { Article25Triggers = [Article25Trigger.OwnNameOrTrademark] }, RiskTier.High, EuAiActCategory.HighRisk, [AnnexCitation("5(b)")],
            ["Provider:Art. 25(1)(a)", "Provider:Art. 49(1)", "Distributor:Art. 24(1)"], [], Aug2026, Dec2027),
        ["Art. 25(1)(c) deployer repurposes into 3(a)"] = new(Annex(AnnexIIIUseCase.EducationAdmission, DeployerType.PrivateEntity, Deployer) with
            { Article25Triggers = [Article25Trigger.ChangedIntendedPurpose] }, RiskTier.High, EuAiActCategory.HighRisk, [AnnexCitation("3(a)")],
            ["Provider:Art. 25(1)(c)", "Provider:Art. 72"], ["Provider:Art. 25(1)(b)"], Aug2026, Dec2027),
        ["Art. 25(1)(b) modification of a system that is not high-risk"] = new(Eu("chatbot", Deployer) with
            { InteractsWithNaturalPersons = true, Article25Triggers = [Article25Trigger.SubstantialModification] }, RiskTier.Low,
            EuAiActCategory.LimitedRisk, ["EU AI Act Art. 50(1)"], ["Deployer:Art. 4"], ["Provider:Art. 25(1)(b)", "Provider:Art. 16(a)",
                "Provider:Art. 50(1)"], Aug2026, Aug2026),

        // Article 50: providers mark and inform, deployers disclose; from 2 August 2026. The Omnibus gives Art. 50(2) marking a
        // grace period to 2 December 2026 for systems placed on the market before 2 August 2026.
        ["Art. 50(1) chatbot, provider"] = new(Eu("chatbot", Provider) with { InteractsWithNaturalPersons = true }, RiskTier.Low,
            EuAiActCategory.LimitedRisk, ["EU AI Act Art. 50(1)"], ["Provider:Art. 50(1)", "Provider:Art. 4"], ["Deployer:Art. 50(1)"], Aug2026, Aug2026),
        ["Art. 50(1) chatbot, deployer only"] = new(Eu("chatbot", Deployer) with { InteractsWithNaturalPersons = true }, RiskTier.Low,
            EuAiActCategory.LimitedRisk, ["EU AI Act Art. 50(1)"], ["Deployer:Art. 4"], ["Deployer:Art. 50(1)", "Provider:Art. 50(1)"], Aug2026, Aug2026),
        ["Art. 50(2) image generator on the market before 2 August 2026"] = new(Eu("image-gen", Provider) with
            { GeneratesSyntheticContent = true, PlacedOnMarketOn = new DateOnly(2026, 3, 1) }, RiskTier.Low, EuAiActCategory.LimitedRisk,
            ["EU AI Act Art. 50(2)"], ["Provider:Art. 50(2)"], [], Aug2026, Dec2026),
        ["Art. 50(2) image generator placed after 2 August 2026"] = new(Eu("image-gen-2", Provider) with
            { GeneratesSyntheticContent = true, PlacedOnMarketOn = new DateOnly(2026, 9, 1) }, RiskTier.Low, EuAiActCategory.LimitedRisk,
            ["EU AI Act Art. 50(2)"], ["Provider:Art. 50(2)"], [], Aug2026, Aug2026),
        ["Art. 50(2) image generator, placing date unknown"] = new(Eu("image-gen-3", Provider) with { GeneratesSyntheticContent = true }, RiskTier.Low,
            EuAiActCategory.LimitedRisk, ["EU AI Act Art. 50(2)"], ["Provider:Art. 50(2)"], [], Aug2026, Aug2026),
        ["Art. 50(4) deep fakes, deployer"] = new(Eu("face-swap", Deployer) with { GeneratesDeepFakes = true }, RiskTier.Low,
            EuAiActCategory.LimitedRisk, ["EU AI Act Art. 50(4)"], ["Deployer:Art. 50(4)"], ["Deployer:Art. 50(2)"], Aug2026, Aug2026),
        ["Art. 50(4) second subparagraph, news text"] = new(Eu("news-writer", Deployer) with { GeneratesPublicInterestText = true }, RiskTier.Low,
            EuAiActCategory.LimitedRisk, ["EU AI Act Art. 50(4), second subparagraph"], ["Deployer:Art. 50(4), second subparagraph"], [],
            Aug2026, Aug2026),

        // Chapter V: general-purpose AI models from 2 August 2025; models on the market before then by 2 August 2027 (Art. 111(3)).
        ["GPAI model below the threshold"] = new(Eu("llm-small", Provider) with { GeneralPurposeModel = Model("llm-small", 1e24) }, RiskTier.Medium,
            EuAiActCategory.MinimalRisk, ["EU AI Act Art. 3(63)"], ["Provider:Art. 53(1)(a)", "Provider:Art. 53(1)(b)", "Provider:Art. 53(1)(c)",
                "Provider:Art. 53(1)(d)", "Provider:Art. 54(1)"], ["Provider:Art. 55(1)(a)", "Provider:Art. 52(1)"], Aug2025, Aug2025),
        ["GPAI model above 10^25 FLOPs"] = new(Eu("llm-large", Provider) with { GeneralPurposeModel = Model("llm-large", 3e25) }, RiskTier.High,
            EuAiActCategory.MinimalRisk, ["EU AI Act Art. 3(63) and EU AI Act Art. 51(2)"], ["Provider:Art. 52(1)", "Provider:Art. 55(1)(a)",
                "Provider:Art. 55(1)(b)", "Provider:Art. 55(1)(c)", "Provider:Art. 55(1)(d)", "Provider:Art. 53(1)(a)"], [], Aug2025, Aug2025),
        ["GPAI open-source model below the threshold"] = new(Eu("llm-open", Provider) with { GeneralPurposeModel = Model("llm-open", 1e24) with
            { ReleasedAsFreeAndOpenSource = true } }, RiskTier.Medium, EuAiActCategory.MinimalRisk, ["EU AI Act Art. 3(63)"],
            ["Provider:Art. 53(1)(c)", "Provider:Art. 53(1)(d)"], ["Provider:Art. 53(1)(a)", "Provider:Art. 53(1)(b)", "Provider:Art. 54(1)"],
            Aug2025, Aug2025),
        ["GPAI open-source model above the threshold loses the exemption"] = new(Eu("llm-open-large", Provider) with { GeneralPurposeModel =
            Model("llm-open-large", 5e25) with { ReleasedAsFreeAndOpenSource = true } }, RiskTier.High, EuAiActCategory.MinimalRisk,
            ["EU AI Act Art. 51(2)"], ["Provider:Art. 53(1)(a)", "Provider:Art. 53(1)(b)", "Provider:Art. 54(1)", "Provider:Art. 55(1)(a)"], [],
            Aug2025, Aug2025),
        ["GPAI model placed before 2 August 2025, Union provider"] = new(Eu("llm-legacy", Provider) with { GeneralPurposeModel = Model("llm-legacy",
            1e24) with { PlacedOnMarketOn = new DateOnly(2024, 6, 1), ProviderEstablishedInUnion = true } }, RiskTier.Medium,
            EuAiActCategory.MinimalRisk, ["EU AI Act Art. 3(63)"], ["Provider:Art. 53(1)(a)"], ["Provider:Art. 54(1)"], Aug2027, Aug2027),
        ["GPAI model designated by the Commission"] = new(Eu("llm-designated", Provider) with { GeneralPurposeModel = Model("llm-designated", 1e23)
            with { DesignatedWithSystemicRisk = true } }, RiskTier.High, EuAiActCategory.MinimalRisk, ["EU AI Act Art. 51(1)(b)"],
            ["Provider:Art. 55(1)(a)"], ["Provider:Art. 52(1)"], Aug2025, Aug2025),
        ["GPAI model with training compute unknown"] = new(Eu("llm-unknown", Provider) with { GeneralPurposeModel = Model("llm-unknown", null) },
            RiskTier.High, EuAiActCategory.MinimalRisk, ["EU AI Act Art. 51(2)"], ["Provider:Art. 52(1)", "Provider:Art. 55(1)(d)"], [],
            Aug2025, Aug2025),
        ["Narrow model above the threshold is not a GPAI model"] = new(Eu("protein-folder", Provider) with { GeneralPurposeModel =
            Model("protein-folder", 5e25) with { PerformsWideRangeOfDistinctTasks = false } }, RiskTier.Low, EuAiActCategory.MinimalRisk,
            ["Internal risk framework: minimal impact"], ["Provider:Art. 4"], ["Provider:Art. 53(1)(c)", "Provider:Art. 55(1)(a)"], null, null),

        // Territorial scope and minimal risk.
        ["Annex III 5(b) deployed only in the United States"] = new(new UseCaseProfile("us-credit") { DeploymentRegions = ["US"],
            HighRiskUseCases = [AnnexIIIUseCase.Creditworthiness], Roles = [Deployer] }, RiskTier.Low, EuAiActCategory.NotInScope,
            ["Internal risk framework: minimal impact"], [], ["Deployer:Art. 4", "Deployer:Art. 26(1)"], null, null),
        ["Annex III 5(b) deployed in Réunion"] = new(new UseCaseProfile("re-credit") { DeploymentRegions = ["RE"],
            HighRiskUseCases = [AnnexIIIUseCase.Creditworthiness], Roles = [Deployer], DeployerType = DeployerType.PrivateEntity }, RiskTier.High,
            EuAiActCategory.HighRisk, [AnnexCitation("5(b)")], ["Deployer:Art. 27(1)"], [], Aug2026, Dec2027),
        ["Minimal risk document summariser"] = new(Eu("doc-summary", Provider, Deployer), RiskTier.Low, EuAiActCategory.MinimalRisk,
            ["Internal risk framework: minimal impact"], ["Provider:Art. 4", "Deployer:Art. 4"], ["Provider:Art. 16(a)", "Deployer:Art. 26(1)"],
            null, null),
        ["Roles not stated: every role's duties listed"] = new(Annex(AnnexIIIUseCase.Recruitment, DeployerType.PrivateEntity), RiskTier.High,
            EuAiActCategory.HighRisk, [AnnexCitation("4(a)")], ["Provider:Art. 16(a)", "Deployer:Art. 26(1)", "Importer:Art. 23(1)",
                "Distributor:Art. 24(1)"], [], Aug2026, Dec2027),
    };

    public static TheoryData<string> RowNames() => [.. Rows.Keys];

    [Fact]
    public void Table_HasAtLeastSixtyProfilesCoveringEveryArticle5PracticeAndAnnexIIIPoint()
    {
        Assert.True(Rows.Count >= 60, $"{Rows.Count} rows");
        var practices = Rows.Values.SelectMany(r => r.Profile.ProhibitedPractices).ToHashSet();
        Assert.Equal(ProhibitedPractice.WellKnown.Count, practices.Count);
        var points = Rows.Values.Where(r => r.Tier == RiskTier.High).SelectMany(r => r.Profile.HighRiskUseCases).ToHashSet();
        Assert.Equal(Enum.GetValues<AnnexIIIUseCase>().Length, points.Count);
    }

    [Theory]
    [MemberData(nameof(RowNames))]
    public void Row_TierCategoryAndCitations_AreAsTheProvisionsSay(string name)
    {
        var row = Rows[name];
        var result = Default.Classify(row.Profile);

        Assert.Equal(row.Tier, result.Tier);
        Assert.Equal(row.Category, result.EuCategory);
        foreach (var citation in row.Citations)
        {
            Assert.True(result.Cites(citation), $"expected '{citation}' in: {string.Join(" | ", result.Matches.Select(m => m.Citation))}");
        }
    }

    [Theory]
    [MemberData(nameof(RowNames))]
    public void Row_DutiesPerRole_AreAsTheProvisionsSay(string name)
    {
        var row = Rows[name];
        var duties = Default.Classify(row.Profile).Duties.Select(d => d.Role + ":" + d.ProvisionId).ToHashSet();

        foreach (var duty in row.Duties)
        {
            Assert.True(duties.Contains(duty), $"expected duty '{duty}' in: {string.Join(" | ", duties.Order())}");
        }

        foreach (var duty in row.NotDuties)
        {
            Assert.False(duties.Contains(duty), $"unexpected duty '{duty}'");
        }
    }

    [Theory]
    [MemberData(nameof(RowNames))]
    public void Row_HeadlineDate_BeforeAndAfterTheAmendment(string name)
    {
        var row = Rows[name];
        var amended = Amended.Classify(row.Profile);
        Assert.Equal(row.Tier, amended.Tier);
        Assert.Equal(row.AmendedFrom, Headline(amended, row).AppliesFrom);
        if (row.PublishedFrom is { } publishedFrom)
        {
            var published = Published.Classify(row.Profile);
            Assert.Equal(row.Tier, published.Tier);
            Assert.Equal(publishedFrom, Headline(published, row).AppliesFrom);
        }
        else if (row.AmendedFrom is not null)
        {
            // Not in the published text: refused rather than ignored, so a gate cannot pass it.
            Assert.Throws<ArgumentException>(() => Published.Classify(row.Profile));
        }
    }

    [Theory]
    [MemberData(nameof(RowNames))]
    public void Row_EveryCitationAndDuty_IsAProvisionOfTheLawVersion(string name)
    {
        foreach (var classifier in (RiskClassifier[])[Default, Amended])
        {
            var result = classifier.Classify(Rows[name].Profile);
            foreach (var match in result.Matches.Where(m => m.RuleId == EuAiActRiskRule.RuleId))
            {
                Assert.NotEmpty(match.Provisions);
                Assert.All(match.Provisions, id => Assert.True(result.Law.TryGet(id, out _), $"'{id}' is not a provision of {result.Law.Id}"));
                Assert.Equal(string.Join(" and ", match.Provisions.Select(id => result.Law.Get(id).Citation)), match.Citation);
            }

            foreach (var duty in result.Duties)
            {
                Assert.True(result.Law.IsCitation(duty.Citation), $"'{duty.Citation}' is not a provision of {result.Law.Id}");
                Assert.Equal(result.Law.Get(duty.ProvisionId).Citation, duty.Citation);
                Assert.True(duty.AppliesFrom >= result.Law.Get(duty.ProvisionId).AppliesFrom
                    || result.Law.Get(duty.ProvisionId).Transitional is not null);
            }

            foreach (var citation in Rows[name].Citations.Where(c => c.StartsWith(EuAiActLaw.CitationPrefix, StringComparison.Ordinal)))
            {
                Assert.All(citation.Split(" and "), part => Assert.True(result.Law.IsCitation(part), $"'{part}' is not a provision"));
            }
        }
    }

    private static RiskRuleMatch Headline(RiskClassification result, Row row) =>
        result.Matches.First(m => m.Citation.Contains(row.Citations[0], StringComparison.Ordinal));
}
