using System.Text.Json.Serialization;

namespace AiGovernance.Core.Reports;

/// <summary>The payload of <see cref="GovernanceReportAuditEvents.Stored"/>: the report's kind, creation time, content digest
/// (SHA-256 hex) and content size in UTF-8 bytes.</summary>
internal sealed record ReportStoredAuditPayload(string Kind, DateTimeOffset CreatedAt, string Digest, int Bytes);

/// <summary>Source-generated (AOT-safe) JSON metadata for the report-history audit payload.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ReportStoredAuditPayload))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
