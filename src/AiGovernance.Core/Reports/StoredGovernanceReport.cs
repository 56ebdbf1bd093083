namespace AiGovernance.Core.Reports;

/// <summary>A report as kept by an <see cref="IGovernanceReportStore"/>.</summary>
/// <param name="Id">The store's identifier for the report, increasing in the order reports were stored.</param>
/// <param name="Report">The report.</param>
/// <param name="AuditSequence">The sequence number of the audit record that holds the report's digest.</param>
public sealed record StoredGovernanceReport(long Id, GovernanceReport Report, long AuditSequence);
