namespace AiGovernance.Monitoring;

/// <summary>The defaults and limits of the Monitoring options, in one place; each option states its default with a
/// <c>&lt;value&gt;</c> line, and docs/background.md says where each number comes from.</summary>
internal static class MonitoringDefaults
{
    /// <summary>References with at most 1000 present rows per column are compared by tests, larger ones by distances.</summary>
    public const int SmallReferenceRows = 1000;

    /// <summary>Kolmogorov–Smirnov needs more than five distinct reference values.</summary>
    public const int MinimumDistinctForKolmogorovSmirnov = 6;

    /// <summary>The level corrected p-values are compared with.</summary>
    public const double SignificanceLevel = 0.05;

    /// <summary>Normalised Wasserstein and Jensen–Shannon distances above 0.1 are drift.</summary>
    public const double DistanceThreshold = 0.1;

    /// <summary>The dataset drifts when at least half of its columns drifted.</summary>
    public const double DriftShareThreshold = 0.5;

    /// <summary>Ten quantile bins for PSI.</summary>
    public const int Bins = 10;

    /// <summary>A missing-rate change must also be at least one percentage point.</summary>
    public const double MinimumMissingRateChange = 0.01;

    /// <summary>Four columns compared at once.</summary>
    public const int MaxDegreeOfParallelism = 4;

    /// <summary>Jensen–Shannon divergence of class frequencies above 0.1 is prediction drift.</summary>
    public const double ClassDistributionThreshold = 0.1;

    /// <summary>Score PSI must also exceed 0.1.</summary>
    public const double MinimumScorePsi = 0.1;

    /// <summary>The Statistics package's largest cap: categories are counted exactly, never folded into "other".</summary>
    public const int CategoryCap = 1_000_000;

    /// <summary>PSI above 0.1 is at least medium drift.</summary>
    public const double MediumPsi = 0.1;

    /// <summary>PSI above 0.2 is at least high drift.</summary>
    public const double HighPsi = 0.2;

    /// <summary>PSI above 0.3 is critical drift.</summary>
    public const double CriticalPsi = 0.3;

    /// <summary>A metric drop above 3 points is at least medium.</summary>
    public const double MediumDegradation = 0.03;

    /// <summary>A metric drop above 5 points is at least high.</summary>
    public const double HighDegradation = 0.05;

    /// <summary>A metric drop above 10 points is critical.</summary>
    public const double CriticalDegradation = 0.10;

    /// <summary>A metric drop above 15 points also recommends rolling back.</summary>
    public const double RollbackDegradation = 0.15;

    /// <summary>Repeated drift events for the same subject are suppressed for 12 hours.</summary>
    public static readonly TimeSpan CoolDown = TimeSpan.FromHours(12);

    /// <summary>A drift response handler may run for 5 minutes.</summary>
    public static readonly TimeSpan HandlerTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The actor of the drift-response audit events.</summary>
    public const string ResponseActor = "AiGovernance.Monitoring";

    /// <summary>The concept-drift window: the last four periods.</summary>
    public const int WindowSize = 4;

    /// <summary>A drop of five points against the reference window is concept drift.</summary>
    public const double DegradationThreshold = 0.05;

    /// <summary>The trend is fitted over the last seven periods.</summary>
    public const int TrendPeriods = 7;

    /// <summary>The significance level of the trend's slope.</summary>
    public const double TrendSignificanceLevel = 0.05;

    /// <summary>The trend is projected seven periods ahead.</summary>
    public const int ProjectionHorizon = 7;

    /// <summary>Vendor SLAs are judged over a seven-day window.</summary>
    public static readonly TimeSpan VendorSlaWindow = TimeSpan.FromDays(7);

    /// <summary>At least 100 labelled records before a vendor's metrics are judged.</summary>
    public const int VendorSlaMinimumLabelledRecords = 100;

    /// <summary>Contracted rates hold within ±2 points.</summary>
    public const double VendorSlaMetricTolerance = 0.02;

    /// <summary>Latency may be up to 1.2 × the contracted latency.</summary>
    public const double VendorSlaLatencyToleranceFactor = 1.2;

    /// <summary>The significance level of the vendor SLA tests.</summary>
    public const double VendorSlaSignificanceLevel = 0.05;

    /// <summary>Inferred numeric ranges are widened by 10 % of their span.</summary>
    public const double RangeMargin = 0.1;

    /// <summary>Inferred missing-rate limits allow five points more than the reference.</summary>
    public const double MissingRateSlack = 0.05;

    /// <summary>Up to 1 % of values may be unseen categories.</summary>
    public const double MaxUnseenCategoryRate = 0.01;

    /// <summary>The smallest positive TimeSpan (one tick), the lower bound of "positive" durations.</summary>
    public const string PositiveDuration = "00:00:00.0000001";

    /// <summary>The zero TimeSpan, the lower bound of "not negative" durations.</summary>
    public const string ZeroDuration = "00:00:00";

    /// <summary><see cref="TimeSpan.MaxValue"/>, the upper bound of unbounded durations.</summary>
    public const string MaxDuration = "10675199.02:48:05.4775807";
}
