using System.Text.Json.Serialization;
using AiGovernance.Monitoring.Orleans.Windows;

namespace AiGovernance.Monitoring.Orleans;

/// <summary>Source-generated JSON metadata of the package's reports and audit payloads (trimming- and AOT-safe).</summary>
/// <remarks>Non-finite numbers are written as "NaN", "Infinity" and "-Infinity"; enums as their names.</remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(DriftWindowReport))]
[JsonSerializable(typeof(WindowClosedAuditPayload))]
internal sealed partial class OrleansMonitoringJsonContext : JsonSerializerContext
{
}
