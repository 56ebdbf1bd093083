using AiGovernance.Gates.GeneralPurpose;

namespace AiGovernance.Gates.Classification;

/// <summary>What the EU AI Act rule found in a profile, shared by its matches and the duties per role.</summary>
internal sealed record EuAiActAssessment
{
    public required bool InScope { get; init; }

    public required IReadOnlyList<ProhibitedPractice> Prohibited { get; init; }

    /// <summary>Annex III use cases that are high-risk (no Art. 6(3) condition, or the system profiles natural persons).</summary>
    public required IReadOnlyList<AnnexIIIUseCase> HighRisk { get; init; }

    /// <summary>Annex III use cases the provider exempts under Art. 6(3).</summary>
    public required IReadOnlyList<AnnexIIIUseCase> Exempted { get; init; }

    public required bool AnnexI { get; init; }

    public GpaiClassification? Model { get; init; }

    public required IReadOnlyList<RiskRuleMatch> Matches { get; init; }

    public bool IsHighRisk => AnnexI || HighRisk.Count > 0;
}
