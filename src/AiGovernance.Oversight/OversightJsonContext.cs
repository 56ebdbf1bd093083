using System.Text.Json.Serialization;
using AiGovernance.Oversight.Review;

namespace AiGovernance.Oversight;

/// <summary>Source-generated (AOT-safe) JSON metadata for the oversight package's audit payloads.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ReviewAuditPayload))]
internal sealed partial class OversightJsonContext : JsonSerializerContext;
