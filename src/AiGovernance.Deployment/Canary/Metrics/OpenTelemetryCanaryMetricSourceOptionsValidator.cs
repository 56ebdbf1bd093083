using Microsoft.Extensions.Options;

namespace AiGovernance.Deployment.Canary.Metrics;

/// <summary>The <c>[Range]</c>/<c>[Required]</c> rules of <see cref="OpenTelemetryCanaryMetricSourceOptions"/>, checked by
/// generated code.</summary>
[OptionsValidator]
internal sealed partial class OpenTelemetryCanaryMetricSourceOptionsValidator : IValidateOptions<OpenTelemetryCanaryMetricSourceOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static OpenTelemetryCanaryMetricSourceOptionsValidator Instance { get; } = new();
}
