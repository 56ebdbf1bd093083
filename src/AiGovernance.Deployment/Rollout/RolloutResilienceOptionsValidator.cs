using Microsoft.Extensions.Options;

namespace AiGovernance.Deployment.Rollout;

/// <summary>The <c>[Range]</c> rules of <see cref="RolloutResilienceOptions"/>, checked by generated code and run by the
/// <see cref="RolloutController"/> constructor.</summary>
[OptionsValidator]
internal sealed partial class RolloutResilienceOptionsValidator : IValidateOptions<RolloutResilienceOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static RolloutResilienceOptionsValidator Instance { get; } = new();
}
