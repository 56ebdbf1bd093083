using Microsoft.Extensions.Options;

namespace AiGovernance.Deployment.AspNetCore;

/// <summary>The rules attributes cannot state: a policy name that is not blank.</summary>
internal sealed class CanaryJudgeOptionsCustomValidator : IValidateOptions<CanaryJudgeOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static CanaryJudgeOptionsCustomValidator Instance { get; } = new();

    public ValidateOptionsResult Validate(string? name, CanaryJudgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.AuthorizationPolicy is not null && string.IsNullOrWhiteSpace(options.AuthorizationPolicy)
            ? ValidateOptionsResult.Fail($"{nameof(CanaryJudgeOptions.AuthorizationPolicy)}, when given, must name a policy.")
            : ValidateOptionsResult.Success;
    }
}
