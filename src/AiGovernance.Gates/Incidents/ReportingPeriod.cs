namespace AiGovernance.Gates.Incidents;

/// <summary>How long after becoming aware of a serious incident it must be reported at the latest, and the provision.</summary>
/// <param name="Period">The period, in whole calendar days.</param>
/// <param name="Citation">The provision, for example <c>EU AI Act Art. 73(4)</c>.</param>
/// <param name="Reason">Why this period applies.</param>
public readonly record struct ReportingPeriod(TimeSpan Period, string Citation, string Reason);
