using Microsoft.Extensions.Options;

namespace AiGovernance.Monitoring.Responses;

/// <summary>The rule of <see cref="DriftResponseOptions"/> a range cannot state: the handler timeout is positive, or
/// <see cref="Timeout.InfiniteTimeSpan"/>.</summary>
internal sealed class DriftResponseOptionsCustomValidator : IValidateOptions<DriftResponseOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static DriftResponseOptionsCustomValidator Instance { get; } = new();

    public ValidateOptionsResult Validate(string? name, DriftResponseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.HandlerTimeout <= TimeSpan.Zero && options.HandlerTimeout != Timeout.InfiniteTimeSpan
            ? ValidateOptionsResult.Fail($"HandlerTimeout must be positive (or Timeout.InfiniteTimeSpan); got {options.HandlerTimeout}.")
            : ValidateOptionsResult.Success;
    }
}
