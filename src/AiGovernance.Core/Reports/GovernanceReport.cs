using System.Buffers;
using System.Text.Json;

namespace AiGovernance.Core.Reports;

/// <summary>A report to keep in an <see cref="IGovernanceReportStore"/>: which system it is about, what kind it is, when
/// it was made, and its content as JSON.</summary>
/// <remarks>The content is kept as compact JSON text (<see cref="ContentJson"/>), exactly as given after one
/// normalisation (whitespace removed); <see cref="Digest"/> is the SHA-256 of those UTF-8 bytes, so a stored report can be
/// checked against the digest recorded in the audit log.</remarks>
public sealed record GovernanceReport
{
    /// <summary>The most characters of a system id or kind.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Creates a report.</summary>
    /// <param name="systemId">The AI system the report is about.</param>
    /// <param name="kind">The report's kind, for example <see cref="GovernanceReportKinds.Drift"/>.</param>
    /// <param name="createdAt">When the report was made.</param>
    /// <param name="content">The report as JSON (an object or array).</param>
    /// <exception cref="ArgumentException">An id or kind is empty or longer than <see cref="MaxNameLength"/>, or the content
    /// is not a JSON object or array.</exception>
    public GovernanceReport(string systemId, string kind, DateTimeOffset createdAt, JsonElement content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(systemId);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(systemId.Length, MaxNameLength, nameof(systemId));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(kind.Length, MaxNameLength, nameof(kind));
        if (content.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
        {
            throw new ArgumentException($"A report's content must be a JSON object or array, not {content.ValueKind}.", nameof(content));
        }

        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            content.WriteTo(writer);
        }

        SystemId = systemId;
        Kind = kind;
        CreatedAt = createdAt.ToUniversalTime();
        ContentJson = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        Digest = Sha256Digest.Compute(buffer.WrittenSpan);
    }

    /// <summary>The AI system the report is about.</summary>
    public string SystemId { get; }

    /// <summary>The report's kind.</summary>
    public string Kind { get; }

    /// <summary>When the report was made (UTC).</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The content as compact JSON text.</summary>
    public string ContentJson { get; }

    /// <summary>The SHA-256 of <see cref="ContentJson"/>'s UTF-8 bytes.</summary>
    public Sha256Digest Digest { get; }

    /// <summary>Parses the content.</summary>
    /// <returns>A document the caller disposes.</returns>
    public JsonDocument ParseContent() => JsonDocument.Parse(ContentJson);
}
