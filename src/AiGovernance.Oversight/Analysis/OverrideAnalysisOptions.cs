using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Oversight.Analysis;

/// <summary>Thresholds of the override analysis: the passive-oversight warning rules (automation bias, rubber-stamping,
/// workload pressure) and the statistical tests added to them; docs/background.md says where each default comes from.</summary>
public sealed class OverrideAnalysisOptions
{
    /// <summary>The confidence level of every Wilson interval in the report.</summary>
    /// <value>The default value is 0.95.</value>
    [Range(0.5, 0.9999)]
    public double ConfidenceLevel { get; set; } = OversightDefaults.ConfidenceLevel;

    /// <summary>An overall override rate below this raises the automation-bias warning.</summary>
    /// <value>The default value is 0.02 (fewer than one override in fifty routed reviews suggests automation bias).</value>
    [Range(0.0, 1.0)]
    public double LowOverallOverrideRate { get; set; } = OversightDefaults.LowOverallOverrideRate;

    /// <summary>A reviewer whose override rate is below this (with enough reviews) is flagged.</summary>
    /// <value>The default value is 0.01 (a reviewer overriding fewer than one case in a hundred may be rubber-stamping).</value>
    [Range(0.0, 1.0)]
    public double LowReviewerOverrideRate { get; set; } = OversightDefaults.LowReviewerOverrideRate;

    /// <summary>Reviewers with fewer reviews are reported but neither flagged nor counted in the rubber-stamping share,
    /// and are left out of the heterogeneity test.</summary>
    /// <value>The default value is 50.</value>
    [Range(1, int.MaxValue)]
    public int MinimumReviewsPerReviewer { get; set; } = OversightDefaults.MinimumReviewsPerReviewer;

    /// <summary>When more than this share of eligible reviewers is flagged, the rubber-stamping warning is raised.</summary>
    /// <value>The default value is 0.30 (more than 30 % of reviewers flagged makes rubber-stamping systemic).</value>
    [Range(0.0, 1.0)]
    public double RubberStampingReviewerShare { get; set; } = OversightDefaults.RubberStampingReviewerShare;

    /// <summary>When the high-volume days' override rate is below this multiple of the low-volume days' rate, the
    /// workload-pressure warning is raised.</summary>
    /// <value>The default value is 0.5 (busy days overriding at under half the quiet days' rate signal workload pressure).</value>
    [Range(0.0, 1.0)]
    public double WorkloadRateRatio { get; set; } = OversightDefaults.WorkloadRateRatio;

    /// <summary>Days whose review volume is strictly above this percentile of daily volumes are high-volume days.</summary>
    /// <value>The default value is 0.75.</value>
    [Range(0.0, 1.0)]
    public double HighVolumePercentile { get; set; } = OversightDefaults.HighVolumePercentile;

    /// <summary>Days whose review volume is strictly below this percentile of daily volumes are low-volume days.</summary>
    /// <value>The default value is 0.25.</value>
    [Range(0.0, 1.0)]
    public double LowVolumePercentile { get; set; } = OversightDefaults.LowVolumePercentile;

    /// <summary>The number of equal-width AI-confidence bands over [0, 1].</summary>
    /// <value>The default value is 10.</value>
    [Range(1, 100)]
    public int ConfidenceBandCount { get; set; } = OversightDefaults.ConfidenceBandCount;

    /// <summary>Hours of the day with fewer reviews are left out of the fatigue trend.</summary>
    /// <value>The default value is 30.</value>
    [Range(1, int.MaxValue)]
    public int MinimumReviewsPerHour { get; set; } = OversightDefaults.MinimumReviewsPerHour;

    /// <summary>The significance level of the heterogeneity test and the fatigue trend.</summary>
    /// <value>The default value is 0.05.</value>
    [Range(0.0001, 0.5)]
    public double SignificanceLevel { get; set; } = OversightDefaults.SignificanceLevel;

    /// <summary>When more than this share of changed minds moved to the AI's recommendation, the deference warning is raised.</summary>
    /// <value>The default value is 0.8.</value>
    [Range(0.0, 1.0)]
    public double TowardAiShareThreshold { get; set; } = OversightDefaults.TowardAiShareThreshold;

    /// <summary>The deference warning needs at least this many changed minds.</summary>
    /// <value>The default value is 20.</value>
    [Range(1, int.MaxValue)]
    public int MinimumChangedMinds { get; set; } = OversightDefaults.MinimumChangedMinds;

    /// <summary>When the lower bound of the audit error rate's interval is above this, the audit-error warning is raised.</summary>
    /// <value>The default value is 0.05.</value>
    [Range(0.0, 1.0)]
    public double TolerableAuditErrorRate { get; set; } = OversightDefaults.TolerableAuditErrorRate;

    /// <summary>The time zone (IANA or Windows id) in which hours of the day and calendar days are taken.</summary>
    /// <value>The default value is <c>UTC</c>.</value>
    [Required]
    public string TimeZoneId { get; set; } = OversightDefaults.TimeZoneId;
}
