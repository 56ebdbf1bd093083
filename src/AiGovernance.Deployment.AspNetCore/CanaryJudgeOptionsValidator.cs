using Microsoft.Extensions.Options;

namespace AiGovernance.Deployment.AspNetCore;

/// <summary>The <c>[Range]</c>/<c>[Required]</c> rules of <see cref="CanaryJudgeOptions"/> (and its analysis options), checked by
/// generated code.</summary>
[OptionsValidator]
internal sealed partial class CanaryJudgeOptionsValidator : IValidateOptions<CanaryJudgeOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static CanaryJudgeOptionsValidator Instance { get; } = new();
}
