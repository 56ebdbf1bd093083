using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Core.Reports;

namespace AiGovernance.Reporting.TechnicalFile;

/// <summary>Picks one system's records and reports out of the evidence, and cites them.</summary>
internal static class SystemEvidence
{
    /// <summary>The system's audit records (its id, or the artifact's digest when the record names no system), by sequence.</summary>
    public static IReadOnlyList<AuditRecord> Records(TechnicalFileEvidence evidence, string systemId, Sha256Digest artifactDigest) =>
    [
        .. evidence.AuditRecords
            .Where(r => string.Equals(r.SystemId, systemId, StringComparison.Ordinal)
                || (r.SystemId is null && !artifactDigest.IsEmpty && r.ArtifactDigest == artifactDigest))
            .OrderBy(r => r.Sequence),
    ];

    /// <summary>The system's stored reports, oldest first.</summary>
    public static IReadOnlyList<StoredGovernanceReport> Reports(TechnicalFileEvidence evidence, string systemId) =>
        [.. evidence.Reports.Where(r => string.Equals(r.Report.SystemId, systemId, StringComparison.Ordinal))
            .OrderBy(r => r.Report.CreatedAt).ThenBy(r => r.Id)];

    public static CitedAuditRecord Cite(AuditRecord record) =>
        new(record.Sequence, record.EventType, record.Timestamp, record.Hash.ToString());

    public static CitedReport Cite(StoredGovernanceReport stored) =>
        new(stored.Id, stored.Report.Kind, stored.Report.CreatedAt, stored.Report.Digest.ToString(), stored.AuditSequence);
}
