using AiGovernance.Statistics;
using Microsoft.Extensions.Options;

namespace AiGovernance.Monitoring.Fairness;

/// <summary>The <c>[Range]</c> rules of Statistics' <see cref="FairnessOptions"/>, checked by generated code so that
/// <see cref="FairnessMonitor"/> fails at construction (start-up) with the ranges the options document, instead of keeping a
/// hand-written copy of them.</summary>
[OptionsValidator]
internal sealed partial class FairnessOptionsValidator : IValidateOptions<FairnessOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static FairnessOptionsValidator Instance { get; } = new();
}
