using System.ComponentModel.DataAnnotations;
using AiGovernance.Core;

namespace AiGovernance.Gates.Decisions;

/// <summary>How often continuation reviews come due per tier, and which drift severity brings one forward.</summary>
public sealed class ContinuationReviewOptions
{
    /// <summary>The interval between reviews of a high-risk system.</summary>
    /// <value>The default value is 90 days. Positive, at most 3650 days.</value>
    #pragma warning disable IL2026 // Only the generated validator reads the attribute; it parses the bounds without a TypeConverter.
    [Range(typeof(TimeSpan), GatesDefaults.MinimumReviewInterval, GatesDefaults.MaximumReviewInterval)]
    #pragma warning restore IL2026
    public TimeSpan HighRiskInterval { get; set; } = GatesDefaults.HighRiskReviewInterval;

    /// <summary>The interval between reviews of a medium-risk system.</summary>
    /// <value>The default value is 180 days. Positive, at most 3650 days.</value>
    #pragma warning disable IL2026 // Only the generated validator reads the attribute; it parses the bounds without a TypeConverter.
    [Range(typeof(TimeSpan), GatesDefaults.MinimumReviewInterval, GatesDefaults.MaximumReviewInterval)]
    #pragma warning restore IL2026
    public TimeSpan MediumRiskInterval { get; set; } = GatesDefaults.MediumRiskReviewInterval;

    /// <summary>The interval between reviews of a low-risk system.</summary>
    /// <value>The default value is 365 days. Positive, at most 3650 days.</value>
    #pragma warning disable IL2026 // Only the generated validator reads the attribute; it parses the bounds without a TypeConverter.
    [Range(typeof(TimeSpan), GatesDefaults.MinimumReviewInterval, GatesDefaults.MaximumReviewInterval)]
    #pragma warning restore IL2026
    public TimeSpan LowRiskInterval { get; set; } = GatesDefaults.LowRiskReviewInterval;

    /// <summary>The drift severity at or above which a drift finding makes a review due.</summary>
    /// <value>The default value is <see cref="Severity.Critical"/>.</value>
    [EnumDataType(typeof(Severity))]
    public Severity DriftTriggerSeverity { get; set; } = Severity.Critical;
}
