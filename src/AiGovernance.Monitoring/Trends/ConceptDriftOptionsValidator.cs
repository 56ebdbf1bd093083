using Microsoft.Extensions.Options;

namespace AiGovernance.Monitoring.Trends;

/// <summary>The <c>[Range]</c>/<c>[Required]</c> rules of <see cref="ConceptDriftOptions"/>, checked by generated code; run by the
/// <see cref="ConceptDriftDetector"/> constructor.</summary>
[OptionsValidator]
internal sealed partial class ConceptDriftOptionsValidator : IValidateOptions<ConceptDriftOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static ConceptDriftOptionsValidator Instance { get; } = new();
}
