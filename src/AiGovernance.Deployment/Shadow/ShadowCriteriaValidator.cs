using Microsoft.Extensions.Options;

namespace AiGovernance.Deployment.Shadow;

/// <summary>The <c>[Range]</c> rules of <see cref="ShadowCriteria"/>, checked by generated code and run by
/// <see cref="ShadowAnalyzer.Analyze"/>.</summary>
[OptionsValidator]
internal sealed partial class ShadowCriteriaValidator : IValidateOptions<ShadowCriteria>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static ShadowCriteriaValidator Instance { get; } = new();
}
