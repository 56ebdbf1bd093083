using Microsoft.Extensions.Options;

namespace AiGovernance.Monitoring.Drift;

/// <summary>The <c>[Range]</c>/<c>[Required]</c> rules of <see cref="PredictionDriftOptions"/>, checked by generated code; run by the
/// <see cref="PredictionDriftDetector"/> constructor.</summary>
[OptionsValidator]
internal sealed partial class PredictionDriftOptionsValidator : IValidateOptions<PredictionDriftOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static PredictionDriftOptionsValidator Instance { get; } = new();
}
