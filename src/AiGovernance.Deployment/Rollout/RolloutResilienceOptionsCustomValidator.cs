using Microsoft.Extensions.Options;

namespace AiGovernance.Deployment.Rollout;

/// <summary>The cross-field rule of <see cref="RolloutResilienceOptions"/>: the longest wait is at least the first.</summary>
internal sealed class RolloutResilienceOptionsCustomValidator : IValidateOptions<RolloutResilienceOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static RolloutResilienceOptionsCustomValidator Instance { get; } = new();

    public ValidateOptionsResult Validate(string? name, RolloutResilienceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.RollbackMaxDelay < options.RollbackBaseDelay
            ? ValidateOptionsResult.Fail(
                $"RollbackMaxDelay ({options.RollbackMaxDelay}) must be at least RollbackBaseDelay ({options.RollbackBaseDelay}).")
            : ValidateOptionsResult.Success;
    }
}
