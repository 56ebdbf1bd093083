namespace AiGovernance.Reporting.Oversight;

/// <summary>The override rate of one week, for the override-rate history.</summary>
/// <param name="Week">The week's label, for example "2026-W05".</param>
/// <param name="Overrides">Overrides out of reviews.</param>
public sealed record OversightWeekRow(string Week, OversightProportion Overrides);
