using System.Text.Json.Serialization;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Embeddings;
using AiGovernance.Monitoring.Fairness;
using AiGovernance.Monitoring.PerformanceEstimation;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Monitoring.Validation;
using AiGovernance.Monitoring.VendorSla;

namespace AiGovernance.Monitoring.Serialization;

/// <summary>Source-generated JSON metadata for every report and reference in the package (trimming- and AOT-safe).</summary>
/// <remarks>Non-finite numbers are written as the strings "NaN", "Infinity" and "-Infinity"; enums as their names.</remarks>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ValidationReport))]
[JsonSerializable(typeof(DataSchema))]
[JsonSerializable(typeof(VendorSlaReport))]
[JsonSerializable(typeof(DataDriftReport))]
[JsonSerializable(typeof(FairnessMonitoringReport))]
[JsonSerializable(typeof(DriftReference))]
[JsonSerializable(typeof(ClassDistributionDriftResult))]
[JsonSerializable(typeof(DriftEventAuditPayload))]
[JsonSerializable(typeof(EstimatedPerformance))]
[JsonSerializable(typeof(RealisedPerformanceComparison))]
[JsonSerializable(typeof(DriftActionAuditPayload))]
[JsonSerializable(typeof(MultivariateDriftReport))]
[JsonSerializable(typeof(EmbeddingDriftReport))]
[JsonSerializable(typeof(WindowProfileData))]
internal sealed partial class MonitoringJsonContext : JsonSerializerContext
{
}
