using Microsoft.Extensions.Options;

namespace AiGovernance.Oversight.Analysis;

/// <summary>The <c>[Range]</c>/<c>[Required]</c> rules of <see cref="OverrideAnalysisOptions"/>, checked by generated code.</summary>
[OptionsValidator]
internal sealed partial class OverrideAnalysisOptionsValidator : IValidateOptions<OverrideAnalysisOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static OverrideAnalysisOptionsValidator Instance { get; } = new();
}
