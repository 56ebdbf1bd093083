using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Deployment.Canary.Metrics;

/// <summary>Options of <see cref="OpenTelemetryCanaryMetricSource"/>: which histogram to listen to and how its tags name the
/// rollout, the variant and failures.</summary>
public sealed class OpenTelemetryCanaryMetricSourceOptions
{
    /// <summary>The meter the histogram belongs to; null listens to an instrument of that name on any meter.</summary>
    /// <value>The default value is null.</value>
    [StringLength(256, MinimumLength = 1)]
    public string? MeterName { get; set; }

    /// <summary>The histogram's name.</summary>
    /// <value>The default value is <see cref="CanaryInstruments.RequestDuration"/>.</value>
    [Required]
    [StringLength(256, MinimumLength = 1)]
    public string InstrumentName { get; set; } = CanaryInstruments.RequestDuration;

    /// <summary>The unit of the histogram's values.</summary>
    /// <value>The default value is 1 second (OpenTelemetry's convention).</value>
    #pragma warning disable IL2026 // Only the generated validator reads the attribute; it parses the bounds without a TypeConverter.
    [Range(typeof(TimeSpan), "00:00:00.000001", "01:00:00")]
    #pragma warning restore IL2026
    public TimeSpan MeasurementUnit { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The tag naming the rollout.</summary>
    /// <value>The default value is "rollout".</value>
    [Required]
    public string RolloutTag { get; set; } = CanaryInstruments.RolloutTag;

    /// <summary>The tag naming the variant.</summary>
    /// <value>The default value is "variant".</value>
    [Required]
    public string VariantTag { get; set; } = CanaryInstruments.VariantTag;

    /// <summary>The variant tag's value for the baseline.</summary>
    /// <value>The default value is "baseline".</value>
    [Required]
    public string BaselineVariant { get; set; } = CanaryInstruments.BaselineVariant;

    /// <summary>The variant tag's value for the candidate.</summary>
    /// <value>The default value is "candidate".</value>
    [Required]
    public string CandidateVariant { get; set; } = CanaryInstruments.CandidateVariant;

    /// <summary>The tag saying whether a request failed.</summary>
    /// <value>The default value is "outcome".</value>
    [Required]
    public string OutcomeTag { get; set; } = CanaryInstruments.OutcomeTag;

    /// <summary>The outcome tag's value of a failed request (any other value, or no tag, is a success).</summary>
    /// <value>The default value is "error".</value>
    [Required]
    public string ErrorOutcome { get; set; } = CanaryInstruments.ErrorOutcome;

    /// <summary>How many rollouts are tracked at once; measurements of further rollouts are dropped and counted.</summary>
    /// <value>The default value is 16.</value>
    [Range(1, 1024)]
    public int MaxRollouts { get; set; } = 16;
}
