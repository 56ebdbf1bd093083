namespace AiGovernance.Gates.Classification;

/// <summary>The Annex III area and citation of each <see cref="AnnexIIIUseCase"/>.</summary>
public static class AnnexIIIUseCases
{
    /// <summary>The Annex III area a use case belongs to.</summary>
    /// <param name="useCase">The use case.</param>
    /// <returns>The area.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="useCase"/> is not a defined use case.</exception>
    public static AnnexIIIArea GetArea(AnnexIIIUseCase useCase) => useCase switch
    {
        AnnexIIIUseCase.RemoteBiometricIdentification or AnnexIIIUseCase.BiometricCategorisation or AnnexIIIUseCase.EmotionRecognition
            => AnnexIIIArea.Biometrics,
        AnnexIIIUseCase.CriticalInfrastructureSafetyComponent => AnnexIIIArea.CriticalInfrastructure,
        AnnexIIIUseCase.EducationAdmission or AnnexIIIUseCase.LearningOutcomeEvaluation or AnnexIIIUseCase.EducationLevelAssessment
            or AnnexIIIUseCase.ExamProctoring => AnnexIIIArea.EducationAndVocationalTraining,
        AnnexIIIUseCase.Recruitment or AnnexIIIUseCase.WorkRelationshipDecisions => AnnexIIIArea.Employment,
        AnnexIIIUseCase.PublicBenefitsEligibility or AnnexIIIUseCase.Creditworthiness or AnnexIIIUseCase.LifeAndHealthInsurancePricing
            or AnnexIIIUseCase.EmergencyTriage => AnnexIIIArea.EssentialServices,
        AnnexIIIUseCase.VictimRiskAssessment or AnnexIIIUseCase.LawEnforcementPolygraph or AnnexIIIUseCase.EvidenceReliability
            or AnnexIIIUseCase.OffendingRiskAssessment or AnnexIIIUseCase.CriminalProfiling => AnnexIIIArea.LawEnforcement,
        AnnexIIIUseCase.MigrationPolygraph or AnnexIIIUseCase.MigrationRiskAssessment or AnnexIIIUseCase.AsylumVisaAndResidenceApplications
            or AnnexIIIUseCase.MigrationPersonIdentification => AnnexIIIArea.MigrationAsylumAndBorderControl,
        AnnexIIIUseCase.JudicialDecisionSupport or AnnexIIIUseCase.ElectionInfluence => AnnexIIIArea.JusticeAndDemocraticProcesses,
        _ => throw new ArgumentOutOfRangeException(nameof(useCase), useCase, "Unknown Annex III use case."),
    };

    /// <summary>The citation of a use case, for example <c>EU AI Act Annex III point 5(b)</c>.</summary>
    /// <param name="useCase">The use case.</param>
    /// <returns>The citation.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="useCase"/> is not a defined use case.</exception>
    public static string GetCitation(AnnexIIIUseCase useCase) => Law.EuAiActLaw.CitationPrefix + GetProvisionId(useCase);

    /// <summary>The identifier of a use case's provision in the law version, for example <c>Annex III point 5(b)</c>.</summary>
    /// <param name="useCase">The use case.</param>
    /// <returns>The provision identifier.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="useCase"/> is not a defined use case.</exception>
    public static string GetProvisionId(AnnexIIIUseCase useCase) => "Annex III point " + GetPoint(useCase);

    /// <summary>What the Annex III point covers, in a sentence.</summary>
    /// <param name="useCase">The use case.</param>
    /// <returns>The description.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="useCase"/> is not a defined use case.</exception>
    public static string Describe(AnnexIIIUseCase useCase) => useCase switch
    {
        AnnexIIIUseCase.RemoteBiometricIdentification => "remote biometric identification (not verification that a person is who they claim to be).",
        AnnexIIIUseCase.BiometricCategorisation => "biometric categorisation according to sensitive or protected attributes or characteristics.",
        AnnexIIIUseCase.EmotionRecognition => "emotion recognition.",
        AnnexIIIUseCase.CriticalInfrastructureSafetyComponent => "safety components in the management and operation of critical digital "
            + "infrastructure, road traffic, or the supply of water, gas, heating or electricity.",
        AnnexIIIUseCase.EducationAdmission =>
            "determining access or admission, or assigning persons, to education and vocational training institutions.",
        AnnexIIIUseCase.LearningOutcomeEvaluation => "evaluating learning outcomes, including to steer the learning process.",
        AnnexIIIUseCase.EducationLevelAssessment => "assessing the appropriate level of education a person will receive or be able to access.",
        AnnexIIIUseCase.ExamProctoring => "monitoring and detecting prohibited behaviour of students during tests.",
        AnnexIIIUseCase.Recruitment =>
            "recruitment or selection: targeted job advertisements, analysing and filtering applications, evaluating candidates.",
        AnnexIIIUseCase.WorkRelationshipDecisions => "decisions on terms of work relationships, promotion or termination, task allocation based on "
            + "behaviour or personal traits, or monitoring and evaluating performance and behaviour.",
        AnnexIIIUseCase.PublicBenefitsEligibility => "use by or on behalf of public authorities to evaluate eligibility for essential public "
            + "assistance benefits and services, or to grant, reduce, revoke or reclaim them.",
        AnnexIIIUseCase.Creditworthiness =>
            "evaluating the creditworthiness of natural persons or establishing their credit score (fraud detection excepted).",
        AnnexIIIUseCase.LifeAndHealthInsurancePricing => "risk assessment and pricing in relation to natural persons for life and health insurance.",
        AnnexIIIUseCase.EmergencyTriage => "evaluating and classifying emergency calls, dispatching or prioritising emergency first response "
            + "services, and emergency healthcare patient triage.",
        AnnexIIIUseCase.VictimRiskAssessment => "assessing the risk of a natural person becoming the victim of criminal offences, by or on behalf of "
            + "law enforcement.",
        AnnexIIIUseCase.LawEnforcementPolygraph => "polygraphs or similar tools used by or on behalf of law enforcement.",
        AnnexIIIUseCase.EvidenceReliability => "evaluating the reliability of evidence in the investigation or prosecution of criminal offences.",
        AnnexIIIUseCase.OffendingRiskAssessment => "assessing the risk of a natural person offending or re-offending not solely on the basis of "
            + "profiling, or assessing personality traits or past criminal behaviour, by or on behalf of law enforcement.",
        AnnexIIIUseCase.CriminalProfiling => "profiling of natural persons in the course of the detection, investigation or prosecution of "
            + "criminal offences, by or on behalf of law enforcement.",
        AnnexIIIUseCase.MigrationPolygraph => "polygraphs or similar tools used by or on behalf of migration, asylum or border control authorities.",
        AnnexIIIUseCase.MigrationRiskAssessment => "assessing a security, irregular-migration or health risk posed by a person who intends to "
            + "enter or has entered a Member State.",
        AnnexIIIUseCase.AsylumVisaAndResidenceApplications => "examining applications for asylum, visa or residence permits and associated "
            + "complaints, including assessing the reliability of evidence.",
        AnnexIIIUseCase.MigrationPersonIdentification => "detecting, recognising or identifying natural persons in migration, asylum or border "
            + "control (verification of travel documents excepted).",
        AnnexIIIUseCase.JudicialDecisionSupport => "assisting a judicial authority, or used in alternative dispute resolution, in researching and "
            + "interpreting facts and the law and applying the law to facts.",
        AnnexIIIUseCase.ElectionInfluence => "influencing the outcome of an election or referendum or the voting behaviour of natural persons.",
        _ => throw new ArgumentOutOfRangeException(nameof(useCase), useCase, "Unknown Annex III use case."),
    };

    private static string GetPoint(AnnexIIIUseCase useCase) => useCase switch
    {
        AnnexIIIUseCase.RemoteBiometricIdentification => "1(a)",
        AnnexIIIUseCase.BiometricCategorisation => "1(b)",
        AnnexIIIUseCase.EmotionRecognition => "1(c)",
        AnnexIIIUseCase.CriticalInfrastructureSafetyComponent => "2",
        AnnexIIIUseCase.EducationAdmission => "3(a)",
        AnnexIIIUseCase.LearningOutcomeEvaluation => "3(b)",
        AnnexIIIUseCase.EducationLevelAssessment => "3(c)",
        AnnexIIIUseCase.ExamProctoring => "3(d)",
        AnnexIIIUseCase.Recruitment => "4(a)",
        AnnexIIIUseCase.WorkRelationshipDecisions => "4(b)",
        AnnexIIIUseCase.PublicBenefitsEligibility => "5(a)",
        AnnexIIIUseCase.Creditworthiness => "5(b)",
        AnnexIIIUseCase.LifeAndHealthInsurancePricing => "5(c)",
        AnnexIIIUseCase.EmergencyTriage => "5(d)",
        AnnexIIIUseCase.VictimRiskAssessment => "6(a)",
        AnnexIIIUseCase.LawEnforcementPolygraph => "6(b)",
        AnnexIIIUseCase.EvidenceReliability => "6(c)",
        AnnexIIIUseCase.OffendingRiskAssessment => "6(d)",
        AnnexIIIUseCase.CriminalProfiling => "6(e)",
        AnnexIIIUseCase.MigrationPolygraph => "7(a)",
        AnnexIIIUseCase.MigrationRiskAssessment => "7(b)",
        AnnexIIIUseCase.AsylumVisaAndResidenceApplications => "7(c)",
        AnnexIIIUseCase.MigrationPersonIdentification => "7(d)",
        AnnexIIIUseCase.JudicialDecisionSupport => "8(a)",
        AnnexIIIUseCase.ElectionInfluence => "8(b)",
        _ => throw new ArgumentOutOfRangeException(nameof(useCase), useCase, "Unknown Annex III use case."),
    };
}
