using System.Globalization;
using Microsoft.Extensions.Options;

namespace AiGovernance.Oversight.Analysis;

/// <summary>The cross-field rules of <see cref="OverrideAnalysisOptions"/>: the low-volume percentile below the high one,
/// and a time zone this system knows.</summary>
internal sealed class OverrideAnalysisOptionsCustomValidator : IValidateOptions<OverrideAnalysisOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static OverrideAnalysisOptionsCustomValidator Instance { get; } = new();

    public ValidateOptionsResult Validate(string? name, OverrideAnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if (!(options.LowVolumePercentile < options.HighVolumePercentile))
        {
            builder.AddError(string.Create(CultureInfo.InvariantCulture,
                $"LowVolumePercentile ({options.LowVolumePercentile}) must be below HighVolumePercentile ({options.HighVolumePercentile})."));
        }

        if (!string.IsNullOrWhiteSpace(options.TimeZoneId) && !TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZoneId, out _))
        {
            builder.AddError($"TimeZoneId '{options.TimeZoneId}' is not a time zone known on this system.");
        }

        return builder.Build();
    }
}
