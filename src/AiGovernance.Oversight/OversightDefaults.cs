namespace AiGovernance.Oversight;

/// <summary>The defaults of <see cref="OversightOptions"/> and <see cref="Analysis.OverrideAnalysisOptions"/>, most from the seed.</summary>
internal static class OversightDefaults
{
    public const string MeterName = "AiGovernance.Oversight";

    // Routing and sampling (the seed's CONFIDENCE_THRESHOLD and AUDIT_SAMPLE_RATE).
    public const double ReviewThreshold = 0.75;
    public const double AuditSampleRate = 0.05;
    public const string AuditSalt = "aigovernance-oversight-audit";
    public const double ProbabilitySumTolerance = 1e-6;

    // Override analysis (the seed's analyze_override_patterns thresholds).
    public const double ConfidenceLevel = 0.95;
    public const double LowOverallOverrideRate = 0.02;
    public const double LowReviewerOverrideRate = 0.01;
    public const int MinimumReviewsPerReviewer = 50;
    public const double RubberStampingReviewerShare = 0.30;
    public const double WorkloadRateRatio = 0.5;
    public const double HighVolumePercentile = 0.75;
    public const double LowVolumePercentile = 0.25;

    // Beyond the seed.
    public const int ConfidenceBandCount = 10;
    public const int MinimumReviewsPerHour = 30;
    public const double SignificanceLevel = 0.05;
    public const double TowardAiShareThreshold = 0.8;
    public const int MinimumChangedMinds = 20;
    public const double TolerableAuditErrorRate = 0.05;
    public const string TimeZoneId = "UTC";
}
