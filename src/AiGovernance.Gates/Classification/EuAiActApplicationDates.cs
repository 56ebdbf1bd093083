namespace AiGovernance.Gates.Classification;

/// <summary>The dates from which provisions of the EU AI Act apply (Art. 113); data, so later amendments can be
/// configured without a new release.</summary>
public sealed class EuAiActApplicationDates
{
    /// <summary>When the Article 5 prohibitions apply.</summary>
    /// <value>The default value is 2025-02-02.</value>
    public DateOnly Prohibitions { get; set; } = GatesDefaults.ProhibitionsApplyFrom;

    /// <summary>When the Article 50 transparency obligations apply.</summary>
    /// <value>The default value is 2026-08-02.</value>
    public DateOnly Transparency { get; set; } = GatesDefaults.TransparencyAppliesFrom;

    /// <summary>When the high-risk rules for Annex III systems (Art. 6(2)) apply.</summary>
    /// <value>The default value is 2026-08-02.</value>
    public DateOnly HighRiskAnnexIII { get; set; } = GatesDefaults.AnnexIIIAppliesFrom;

    /// <summary>When the high-risk rules for Annex I products and safety components (Art. 6(1)) apply.</summary>
    /// <value>The default value is 2027-08-02.</value>
    public DateOnly HighRiskAnnexI { get; set; } = GatesDefaults.AnnexIAppliesFrom;
}
