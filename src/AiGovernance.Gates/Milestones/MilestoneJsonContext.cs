using System.Text.Json.Serialization;

namespace AiGovernance.Gates.Milestones;

/// <summary>Source-generated (AOT-safe) JSON metadata for the milestone audit payloads.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(MilestoneSatisfiedAuditPayload))]
[JsonSerializable(typeof(MilestoneAttemptAuditPayload))]
internal sealed partial class MilestoneJsonContext : JsonSerializerContext;
