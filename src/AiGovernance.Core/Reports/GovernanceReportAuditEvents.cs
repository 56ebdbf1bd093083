using System.Text.Json;
using AiGovernance.Core.Audit;

namespace AiGovernance.Core.Reports;

/// <summary>The audit events of report history.</summary>
public static class GovernanceReportAuditEvents
{
    /// <summary>A report was stored; the payload holds its system, kind, creation time and digest.</summary>
    public const string Stored = "governance.report.stored";

    /// <summary>Creates the audit event recording that <paramref name="report"/> is being stored.</summary>
    /// <param name="report">The report.</param>
    /// <param name="actor">Who stores it.</param>
    /// <returns>The event; its artifact digest is empty and its payload is
    /// <c>{"kind":…,"createdAt":…,"digest":"sha256 hex","bytes":n}</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="actor"/> is empty.</exception>
    public static AuditEvent CreateStoredEvent(GovernanceReport report, string actor)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var payload = new ReportStoredAuditPayload(report.Kind, report.CreatedAt, report.Digest.ToString(),
            System.Text.Encoding.UTF8.GetByteCount(report.ContentJson));
        var json = JsonSerializer.SerializeToElement(payload, ReportJsonContext.Default.ReportStoredAuditPayload);
        return new AuditEvent(Stored, actor, report.SystemId, payload: json);
    }
}
