namespace AiGovernance.Reporting.Oversight;

/// <summary>The override rate in one hour of the working day.</summary>
/// <param name="Hour">The hour (0–23, in the analysis's time zone).</param>
/// <param name="Overrides">Overrides out of reviews.</param>
public sealed record OversightHourRow(int Hour, OversightProportion Overrides);
