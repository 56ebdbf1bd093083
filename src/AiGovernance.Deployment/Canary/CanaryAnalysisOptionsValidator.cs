using Microsoft.Extensions.Options;

namespace AiGovernance.Deployment.Canary;

/// <summary>The <c>[Range]</c>/<c>[EnumDataType]</c> rules of <see cref="CanaryAnalysisOptions"/>, checked by generated code and
/// run by <see cref="CanaryAnalyzer.Analyze(CanaryObservation, CanaryAnalysisOptions?)"/> and the <see cref="Rollout.RolloutController"/>
/// constructor.</summary>
[OptionsValidator]
internal sealed partial class CanaryAnalysisOptionsValidator : IValidateOptions<CanaryAnalysisOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static CanaryAnalysisOptionsValidator Instance { get; } = new();
}
