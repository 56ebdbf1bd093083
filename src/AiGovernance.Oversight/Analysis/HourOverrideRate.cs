namespace AiGovernance.Oversight.Analysis;

/// <summary>The override rate of routed reviews completed in one hour of the day.</summary>
/// <param name="Hour">The hour of the day, 0–23, in the analysis' time zone.</param>
/// <param name="Overrides">Overrides out of the routed reviews completed in that hour, with interval.</param>
public readonly record struct HourOverrideRate(int Hour, ProportionEstimate Overrides);
