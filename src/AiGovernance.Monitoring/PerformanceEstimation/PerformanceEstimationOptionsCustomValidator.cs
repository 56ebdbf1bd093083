using System.Globalization;
using Microsoft.Extensions.Options;

namespace AiGovernance.Monitoring.PerformanceEstimation;

/// <summary>The rules of <see cref="PerformanceEstimationOptions"/> that attributes cannot state: a defined calibration
/// method and a finite decision threshold.</summary>
internal sealed class PerformanceEstimationOptionsCustomValidator : IValidateOptions<PerformanceEstimationOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static PerformanceEstimationOptionsCustomValidator Instance { get; } = new();

    public ValidateOptionsResult Validate(string? name, PerformanceEstimationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if (!Enum.IsDefined(options.Calibration))
        {
            builder.AddError(string.Create(CultureInfo.InvariantCulture, $"Unknown calibration method {(int)options.Calibration}."),
                nameof(PerformanceEstimationOptions.Calibration));
        }

        if (!double.IsFinite(options.DecisionThreshold))
        {
            builder.AddError(
                string.Create(CultureInfo.InvariantCulture, $"The decision threshold must be finite; it is {options.DecisionThreshold}."),
                nameof(PerformanceEstimationOptions.DecisionThreshold));
        }

        return builder.Build();
    }
}
