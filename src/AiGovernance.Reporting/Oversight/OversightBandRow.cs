namespace AiGovernance.Reporting.Oversight;

/// <summary>The override rate for one band of the AI's confidence.</summary>
/// <param name="Lower">The band's lower confidence.</param>
/// <param name="Upper">The band's upper confidence.</param>
/// <param name="Overrides">Overrides out of reviews.</param>
public sealed record OversightBandRow(double Lower, double Upper, OversightProportion Overrides);
