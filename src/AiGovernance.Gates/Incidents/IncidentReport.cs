namespace AiGovernance.Gates.Incidents;

/// <summary>A report of a serious incident made to an authority.</summary>
/// <param name="ReportedAt">When it was made.</param>
/// <param name="Authority">To whom, for example the market surveillance authority of the Member State where it occurred.</param>
/// <param name="IsComplete">Whether it is the complete report, or an initial incomplete one (Art. 73(5)).</param>
/// <param name="Actor">Who recorded it.</param>
public sealed record IncidentReport(DateTimeOffset ReportedAt, string Authority, bool IsComplete, string Actor);
