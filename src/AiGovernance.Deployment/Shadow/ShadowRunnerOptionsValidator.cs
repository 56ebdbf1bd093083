using Microsoft.Extensions.Options;

namespace AiGovernance.Deployment.Shadow;

/// <summary>The <c>[Range]</c> rules of <see cref="ShadowRunnerOptions"/>, checked by generated code and run by the
/// <see cref="ShadowRunner{TInput, TOutput}"/> constructor.</summary>
[OptionsValidator]
internal sealed partial class ShadowRunnerOptionsValidator : IValidateOptions<ShadowRunnerOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static ShadowRunnerOptionsValidator Instance { get; } = new();
}
