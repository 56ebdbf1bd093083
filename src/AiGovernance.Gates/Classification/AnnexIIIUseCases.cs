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
    public static string GetCitation(AnnexIIIUseCase useCase) => "EU AI Act Annex III point " + GetPoint(useCase);

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
