using System.Buffers;
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
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", report.Kind);
            writer.WriteString("createdAt", report.CreatedAt);
            writer.WriteString("digest", report.Digest.ToString());
            writer.WriteNumber("bytes", System.Text.Encoding.UTF8.GetByteCount(report.ContentJson));
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return new AuditEvent(Stored, actor, report.SystemId, payload: document.RootElement);
    }
}
