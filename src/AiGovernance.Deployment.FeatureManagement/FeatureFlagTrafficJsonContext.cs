using System.Text.Json.Serialization;

namespace AiGovernance.Deployment.FeatureManagement;

/// <summary>The payload of <see cref="FeatureFlagTrafficAuditEvents.AllocationPublished"/>.</summary>
internal sealed record FeatureFlagAuditPayload(string Feature, long Revision, double CandidateFraction, bool CandidateRetired, string? Reason);

/// <summary>Source-generated (AOT-safe) JSON metadata for the package's audit payloads.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FeatureFlagAuditPayload))]
internal sealed partial class FeatureFlagTrafficJsonContext : JsonSerializerContext;
