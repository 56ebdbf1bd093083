namespace AiGovernance.Oversight.Analysis;

/// <summary>The override rate of routed reviews whose AI confidence fell in one band.</summary>
/// <param name="Lower">The band's lower edge (inclusive).</param>
/// <param name="Upper">The band's upper edge (exclusive, except 1 for the last band).</param>
/// <param name="Overrides">Overrides out of the routed reviews in the band, with interval.</param>
public readonly record struct ConfidenceBandOverrideRate(double Lower, double Upper, ProportionEstimate Overrides);
