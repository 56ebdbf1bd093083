namespace AiGovernance.Reporting.TechnicalFile;

/// <summary>A serious incident (Article 73) raised in the post-market period.</summary>
/// <param name="Id">The incident's id.</param>
/// <param name="RaisedAt">When it was raised.</param>
/// <param name="Summary">Its summary (untrusted text; escaped wherever rendered).</param>
/// <param name="Status">Its status.</param>
/// <param name="Harms">The harms assessed.</param>
/// <param name="ReportingDeadline">When the report to the authority is due.</param>
/// <param name="Overdue">Whether it was open past its deadline when the summary was made.</param>
/// <param name="AuditSequences">The audit records behind it.</param>
public sealed record PostMarketIncident(string Id, DateTimeOffset RaisedAt, string Summary, string Status, IReadOnlyList<string> Harms,
    DateTimeOffset ReportingDeadline, bool Overdue, IReadOnlyList<long> AuditSequences);
