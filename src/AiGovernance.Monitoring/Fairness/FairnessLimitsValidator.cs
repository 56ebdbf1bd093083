using Microsoft.Extensions.Options;

namespace AiGovernance.Monitoring.Fairness;

/// <summary>The <c>[Range]</c>/<c>[Required]</c> rules of <see cref="FairnessLimits"/>, checked by generated code; run by the
/// <see cref="FairnessMonitor"/> constructor.</summary>
[OptionsValidator]
internal sealed partial class FairnessLimitsValidator : IValidateOptions<FairnessLimits>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static FairnessLimitsValidator Instance { get; } = new();
}
