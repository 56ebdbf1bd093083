namespace AiGovernance.Reporting.TechnicalFile;

/// <summary>An audit record a technical file or summary cites, bound by its chain hash: changing the record changes its hash,
/// so the signed file no longer matches the log.</summary>
/// <param name="Sequence">The record's sequence number in the audit log.</param>
/// <param name="EventType">The record's event type.</param>
/// <param name="Timestamp">When it was written.</param>
/// <param name="Hash">Its chain hash, 64 lower-case hexadecimal characters.</param>
public sealed record CitedAuditRecord(long Sequence, string EventType, DateTimeOffset Timestamp, string Hash);
