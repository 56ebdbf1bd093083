using System.Text.Json.Serialization;

namespace AiGovernance.Deployment.Yarp;

/// <summary>The payload of <see cref="YarpTrafficAuditEvents.TrafficApplied"/>.</summary>
internal sealed record YarpTrafficAuditPayload(string Cluster, string Revision, double CandidateFraction, bool CandidateRetired, string? Reason);

/// <summary>Source-generated (AOT-safe) JSON metadata for the package's audit payloads.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(YarpTrafficAuditPayload))]
internal sealed partial class YarpTrafficJsonContext : JsonSerializerContext;
