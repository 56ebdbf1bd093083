using Microsoft.Extensions.Options;

namespace AiGovernance.Oversight.Analysis;

/// <summary>The rules of <see cref="OverrideAnalysisOptions"/>: <c>[Range]</c>/<c>[Required]</c> by generated code, plus the
/// cross-field rules.</summary>
[OptionsValidator]
internal sealed partial class OverrideAnalysisOptionsAttributeValidator : IValidateOptions<OverrideAnalysisOptions>
{
    private static readonly OverrideAnalysisOptionsAttributeValidator Instance = new();

    /// <summary>Every broken rule, attribute and cross-field; empty when the options are valid.</summary>
    public static List<string> AllErrors(OverrideAnalysisOptions options)
    {
        var errors = new List<string>();
        var result = Instance.Validate(null, options);
        if (result.Failed)
        {
            errors.AddRange(result.Failures);
        }

        errors.AddRange(CrossFieldErrors(options));
        return errors;
    }

    /// <summary>The broken cross-field rules.</summary>
    public static IEnumerable<string> CrossFieldErrors(OverrideAnalysisOptions options)
    {
        if (!(options.LowVolumePercentile < options.HighVolumePercentile))
        {
            yield return $"LowVolumePercentile ({options.LowVolumePercentile}) must be below HighVolumePercentile ({options.HighVolumePercentile}).";
        }

        if (!string.IsNullOrWhiteSpace(options.TimeZoneId) && !TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZoneId, out _))
        {
            yield return $"TimeZoneId '{options.TimeZoneId}' is not a time zone known on this system.";
        }
    }
}
