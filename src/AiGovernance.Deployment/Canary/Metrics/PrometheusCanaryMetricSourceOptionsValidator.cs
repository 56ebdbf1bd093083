using Microsoft.Extensions.Options;

namespace AiGovernance.Deployment.Canary.Metrics;

/// <summary>The <c>[Range]</c>/<c>[Required]</c> rules of <see cref="PrometheusCanaryMetricSourceOptions"/>, checked by
/// generated code.</summary>
[OptionsValidator]
internal sealed partial class PrometheusCanaryMetricSourceOptionsValidator : IValidateOptions<PrometheusCanaryMetricSourceOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static PrometheusCanaryMetricSourceOptionsValidator Instance { get; } = new();
}
