using Microsoft.Extensions.Options;

namespace AiGovernance.Gates.Milestones;

/// <summary>The rule of <see cref="PerformanceGateOptions"/> that an attribute cannot state: a classification metric's
/// threshold lies below 1 (an error metric's threshold is any positive finite value, which the <c>[Range]</c> states).</summary>
internal sealed class PerformanceGateOptionsCustomValidator : IValidateOptions<PerformanceGateOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static PerformanceGateOptionsCustomValidator Instance { get; } = new();

    public ValidateOptionsResult Validate(string? name, PerformanceGateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errorMetric = options.Metric is PerformanceMetric.MeanAbsoluteError or PerformanceMetric.RootMeanSquaredError;
        return errorMetric || !(options.Threshold >= 1)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Threshold must lie strictly between 0 and 1 for the classification metric {options.Metric}; got {options.Threshold}.");
    }
}
