using System.Text.Json.Serialization;
using AiGovernance.Reporting.Canary;
using AiGovernance.Reporting.Drift;
using AiGovernance.Reporting.Fairness;
using AiGovernance.Reporting.Oversight;
using AiGovernance.Reporting.Performance;
using AiGovernance.Reporting.Scorecards;
using AiGovernance.Reporting.Shadow;
using AiGovernance.Reporting.TechnicalFile;

namespace AiGovernance.Reporting.Json;

/// <summary>Source-generated JSON metadata of every report document (trim- and AOT-safe).</summary>
/// <remarks>Non-finite numbers are refused (<see cref="JsonNumberHandling.Strict"/>): an undefined value is <c>null</c> with a
/// reason, never "NaN". Nulls are written, so a reader sees every property; optional parts that were not supplied are
/// omitted by their own <c>[JsonIgnore(WhenWritingNull)]</c>.</remarks>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.Strict,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(DriftReportDocument))]
[JsonSerializable(typeof(FairnessReportDocument))]
[JsonSerializable(typeof(CanaryReportDocument))]
[JsonSerializable(typeof(ShadowReportDocument))]
[JsonSerializable(typeof(OversightReportDocument))]
[JsonSerializable(typeof(ScorecardReportDocument))]
[JsonSerializable(typeof(PerformanceReportDocument))]
[JsonSerializable(typeof(TechnicalFileDocument))]
[JsonSerializable(typeof(PostMarketSummaryDocument))]
internal sealed partial class ReportingJsonContext : JsonSerializerContext
{
}
