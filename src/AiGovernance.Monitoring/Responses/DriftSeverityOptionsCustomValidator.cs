using System.Globalization;
using Microsoft.Extensions.Options;

namespace AiGovernance.Monitoring.Responses;

/// <summary>The cross-field rules of <see cref="DriftSeverityOptions"/>: PSI and degradation thresholds ordered medium &lt;
/// high &lt; critical, and the rollback degradation at least the critical one.</summary>
internal sealed class DriftSeverityOptionsCustomValidator : IValidateOptions<DriftSeverityOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static DriftSeverityOptionsCustomValidator Instance { get; } = new();

    public ValidateOptionsResult Validate(string? name, DriftSeverityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        var o = options;
        if (!(o.MediumPsi < o.HighPsi && o.HighPsi < o.CriticalPsi))
        {
            builder.AddError(string.Create(CultureInfo.InvariantCulture,
                $"PSI thresholds must be ordered medium < high < critical; got {o.MediumPsi}, {o.HighPsi}, {o.CriticalPsi}."));
        }

        if (!(o.MediumDegradation < o.HighDegradation && o.HighDegradation < o.CriticalDegradation))
        {
            builder.AddError(string.Create(CultureInfo.InvariantCulture,
                $"Degradation thresholds must be ordered medium < high < critical; got {o.MediumDegradation}, {o.HighDegradation}, " +
                    $"{o.CriticalDegradation}."));
        }

        if (!(o.RollbackDegradation >= o.CriticalDegradation))
        {
            builder.AddError(string.Create(CultureInfo.InvariantCulture,
                $"The rollback degradation {o.RollbackDegradation} must be at least the critical degradation {o.CriticalDegradation}."));
        }

        return builder.Build();
    }
}
