namespace AiGovernance.Oversight;

/// <summary>The defaults of <see cref="OversightOptions"/> and <see cref="Analysis.OverrideAnalysisOptions"/>, in one place;
/// each option states its default with a <c>&lt;value&gt;</c> line, and docs/background.md says where each number comes
/// from.</summary>
internal static class OversightDefaults
{
    /// <summary>Cases the model is less than 75 % sure of go to a person (confidence-threshold routing).</summary>
    public const double ReviewThreshold = 0.75;

    /// <summary>One automated decision in twenty is audited afterwards (post-hoc audit sampling).</summary>
    public const double AuditSampleRate = 0.05;

    /// <summary>The salt of the audit-sampling hash until an audit period sets its own.</summary>
    public const string AuditSalt = "aigovernance-oversight-audit";

    /// <summary>How far class probabilities may sum from 1 (floating-point rounding of a softmax).</summary>
    public const double ProbabilitySumTolerance = 1e-6;

    /// <summary>The confidence level of every Wilson interval of the override analysis.</summary>
    public const double ConfidenceLevel = 0.95;

    /// <summary>An overall override rate below 2 % suggests automation bias.</summary>
    public const double LowOverallOverrideRate = 0.02;

    /// <summary>A reviewer overriding less than 1 % of cases is flagged as possibly rubber-stamping.</summary>
    public const double LowReviewerOverrideRate = 0.01;

    /// <summary>Reviewers with fewer reviews are reported but never flagged.</summary>
    public const int MinimumReviewsPerReviewer = 50;

    /// <summary>When more than 30 % of eligible reviewers are flagged, rubber-stamping is systemic.</summary>
    public const double RubberStampingReviewerShare = 0.30;

    /// <summary>High-volume days overriding at less than half the low-volume days' rate signal workload pressure.</summary>
    public const double WorkloadRateRatio = 0.5;

    /// <summary>Days above the 75th percentile of daily volume are high-volume days.</summary>
    public const double HighVolumePercentile = 0.75;

    /// <summary>Days below the 25th percentile of daily volume are low-volume days.</summary>
    public const double LowVolumePercentile = 0.25;

    /// <summary>Ten equal-width AI-confidence bands over [0, 1].</summary>
    public const int ConfidenceBandCount = 10;

    /// <summary>Hours of the day with fewer reviews are left out of the fatigue trend.</summary>
    public const int MinimumReviewsPerHour = 30;

    /// <summary>The significance level of the heterogeneity test and the fatigue trend.</summary>
    public const double SignificanceLevel = 0.05;

    /// <summary>When more than 80 % of changed minds move to the AI's answer, reviewers defer to it.</summary>
    public const double TowardAiShareThreshold = 0.8;

    /// <summary>The deference warning needs at least this many changed minds.</summary>
    public const int MinimumChangedMinds = 20;

    /// <summary>Audits may find up to 5 % of automated decisions wrong before the audit-error warning.</summary>
    public const double TolerableAuditErrorRate = 0.05;

    /// <summary>Hours and days are taken in UTC unless configured.</summary>
    public const string TimeZoneId = "UTC";
}
