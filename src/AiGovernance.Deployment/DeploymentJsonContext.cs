using System.Text.Json.Serialization;
using AiGovernance.Deployment.Rollout;

namespace AiGovernance.Deployment;

/// <summary>Source-generated (AOT-safe) JSON metadata for the Deployment package's audit payloads.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RolloutTransitionAuditPayload))]
[JsonSerializable(typeof(RolloutFailureAuditPayload))]
internal sealed partial class DeploymentJsonContext : JsonSerializerContext;
