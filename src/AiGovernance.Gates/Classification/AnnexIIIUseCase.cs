namespace AiGovernance.Gates.Classification;

/// <summary>The high-risk use cases listed in Annex III of the EU AI Act, point by point.</summary>
/// <remarks>The area of each use case is given by <see cref="AnnexIIIUseCases.GetArea(AnnexIIIUseCase)"/> and its
/// citation by <see cref="AnnexIIIUseCases.GetCitation(AnnexIIIUseCase)"/>.</remarks>
public enum AnnexIIIUseCase
{
    /// <summary>Annex III 1(a): remote biometric identification (not mere verification of identity).</summary>
    RemoteBiometricIdentification = 0,

    /// <summary>Annex III 1(b): biometric categorisation by sensitive or protected attributes.</summary>
    BiometricCategorisation = 1,

    /// <summary>Annex III 1(c): emotion recognition.</summary>
    EmotionRecognition = 2,

    /// <summary>Annex III 2: safety component in critical digital infrastructure, road traffic, or the supply of water, gas, heating or
    /// electricity.</summary>
    CriticalInfrastructureSafetyComponent = 3,

    /// <summary>Annex III 3(a): determining access or admission to education and vocational training.</summary>
    EducationAdmission = 4,

    /// <summary>Annex III 3(b): evaluating learning outcomes.</summary>
    LearningOutcomeEvaluation = 5,

    /// <summary>Annex III 3(c): assessing the appropriate level of education a person will receive or access.</summary>
    EducationLevelAssessment = 6,

    /// <summary>Annex III 3(d): monitoring and detecting prohibited behaviour of students during tests.</summary>
    ExamProctoring = 7,

    /// <summary>Annex III 4(a): recruitment or selection, including targeted job ads, filtering applications and evaluating candidates.</summary>
    Recruitment = 8,

    /// <summary>Annex III 4(b): decisions on terms of work relationships, promotion, termination, task allocation, or monitoring and evaluating
    /// workers.</summary>
    WorkRelationshipDecisions = 9,

    /// <summary>Annex III 5(a): evaluating eligibility for essential public assistance benefits and services.</summary>
    PublicBenefitsEligibility = 10,

    /// <summary>Annex III 5(b): evaluating creditworthiness or establishing a credit score (fraud detection excepted).</summary>
    Creditworthiness = 11,

    /// <summary>Annex III 5(c): risk assessment and pricing for life and health insurance.</summary>
    LifeAndHealthInsurancePricing = 12,

    /// <summary>Annex III 5(d): evaluating and classifying emergency calls, dispatching or triaging emergency services.</summary>
    EmergencyTriage = 13,

    /// <summary>Annex III 6(a): assessing the risk of a person becoming a victim of criminal offences.</summary>
    VictimRiskAssessment = 14,

    /// <summary>Annex III 6(b): polygraphs and similar tools used by law enforcement.</summary>
    LawEnforcementPolygraph = 15,

    /// <summary>Annex III 6(c): evaluating the reliability of evidence in criminal investigations or prosecutions.</summary>
    EvidenceReliability = 16,

    /// <summary>Annex III 6(d): assessing the risk of offending or re-offending not solely on the basis of profiling.</summary>
    OffendingRiskAssessment = 17,

    /// <summary>Annex III 6(e): profiling of natural persons in the detection, investigation or prosecution of criminal offences.</summary>
    CriminalProfiling = 18,

    /// <summary>Annex III 7(a): polygraphs and similar tools used by migration authorities.</summary>
    MigrationPolygraph = 19,

    /// <summary>Annex III 7(b): assessing security, irregular-migration or health risks posed by a person entering a Member State.</summary>
    MigrationRiskAssessment = 20,

    /// <summary>Annex III 7(c): examining applications for asylum, visa or residence permits and related complaints.</summary>
    AsylumVisaAndResidenceApplications = 21,

    /// <summary>Annex III 7(d): detecting, recognising or identifying persons in migration contexts (travel-document verification
    /// excepted).</summary>
    MigrationPersonIdentification = 22,

    /// <summary>Annex III 8(a): assisting a judicial authority in researching and interpreting facts and the law.</summary>
    JudicialDecisionSupport = 23,

    /// <summary>Annex III 8(b): influencing the outcome of an election or referendum or voting behaviour.</summary>
    ElectionInfluence = 24,
}
