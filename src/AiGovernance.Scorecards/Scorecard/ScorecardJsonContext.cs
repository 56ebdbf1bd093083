using System.Text.Json.Serialization;

namespace AiGovernance.Scorecards;

/// <summary>Source-generated JSON metadata for scorecard reports.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ScorecardReport))]
internal sealed partial class ScorecardJsonContext : JsonSerializerContext;
