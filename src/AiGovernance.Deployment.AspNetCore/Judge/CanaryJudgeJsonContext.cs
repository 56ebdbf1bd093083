using System.Text.Json.Serialization;

namespace AiGovernance.Deployment.AspNetCore.Judge;

/// <summary>Source-generated JSON metadata for the judge's requests, answers and audit payloads.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(FlaggerWebhookPayload))]
[JsonSerializable(typeof(CanaryJudgment))]
[JsonSerializable(typeof(JudgmentProblem))]
[JsonSerializable(typeof(JudgedAuditPayload))]
internal sealed partial class CanaryJudgeJsonContext : JsonSerializerContext;
