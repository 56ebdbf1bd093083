using Microsoft.Extensions.Options;

namespace AiGovernance.Monitoring.PerformanceEstimation;

/// <summary>The <c>[Range]</c> rules of <see cref="PerformanceEstimationOptions"/>, checked by generated code; run by the
/// constructors of the confidence-based and direct-loss estimators.</summary>
[OptionsValidator]
internal sealed partial class PerformanceEstimationOptionsValidator : IValidateOptions<PerformanceEstimationOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static PerformanceEstimationOptionsValidator Instance { get; } = new();
}
