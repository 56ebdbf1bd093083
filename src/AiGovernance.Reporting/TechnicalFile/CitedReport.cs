namespace AiGovernance.Reporting.TechnicalFile;

/// <summary>A stored report (from <see cref="Core.Reports.IGovernanceReportStore"/>) a technical file or summary cites, bound
/// by the SHA-256 digest of its content.</summary>
/// <param name="Id">The report's id in the store.</param>
/// <param name="Kind">The report kind.</param>
/// <param name="CreatedAt">When the report was made.</param>
/// <param name="Digest">The SHA-256 digest of its content, 64 lower-case hexadecimal characters.</param>
/// <param name="AuditSequence">The audit record that logged its storing.</param>
public sealed record CitedReport(long Id, string Kind, DateTimeOffset CreatedAt, string Digest, long AuditSequence);
