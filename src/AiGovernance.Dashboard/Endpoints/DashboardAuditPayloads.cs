using System.Text.Json.Serialization;

namespace AiGovernance.Dashboard.Endpoints;

/// <summary>The payload of <see cref="DashboardAuditEvents.AuditVerified"/>.</summary>
internal sealed record VerificationAuditPayload(
    bool Valid,
    long VerifiedCount,
    string Failure,
    long? FirstInvalidSequence,
    string Message,
    long HeadSequence,
    string HeadHash,
    long? CheckpointSequence,
    bool? CheckpointSignatureValid);

/// <summary>The payload of <see cref="DashboardAuditEvents.WarningAcknowledged"/>.</summary>
internal sealed record AcknowledgementAuditPayload(long ReportId, int Warning, string Kind, string? Note);

/// <summary>Source-generated (AOT-safe) JSON for the dashboard's audit payloads.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(VerificationAuditPayload))]
[JsonSerializable(typeof(AcknowledgementAuditPayload))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
