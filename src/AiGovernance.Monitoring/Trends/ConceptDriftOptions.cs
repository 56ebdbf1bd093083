using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Monitoring.Trends;

/// <summary>Concept drift (degradation against a trailing window) and trend detection settings.</summary>
public sealed class ConceptDriftOptions
{
    /// <summary>How many earlier periods form the trailing mean the latest performance is compared with.</summary>
    /// <value>The default value is 4.</value>
    [Range(1, 10_000)]
    public int WindowSize { get; set; } = MonitoringDefaults.WindowSize;

    /// <summary>Degradation (trailing mean − latest, for a higher-is-better metric) above which concept drift is flagged.</summary>
    /// <value>The default value is 0.05.</value>
    [Range(0.0, 1.0)]
    public double DegradationThreshold { get; set; } = MonitoringDefaults.DegradationThreshold;

    /// <summary>How many of the latest periods the trend detector regresses over.</summary>
    /// <value>The default value is 7.</value>
    [Range(3, 10_000)]
    public int TrendPeriods { get; set; } = MonitoringDefaults.TrendPeriods;

    /// <summary>A negative slope is a trend only when its two-sided p-value is below this level.</summary>
    /// <value>The default value is 0.05.</value>
    [Range(double.Epsilon, 0.5)]
    public double TrendSignificanceLevel { get; set; } = MonitoringDefaults.TrendSignificanceLevel;

    /// <summary>How many periods past the latest observation the trend is projected.</summary>
    /// <value>The default value is 7.</value>
    [Range(1, 10_000)]
    public int ProjectionHorizon { get; set; } = MonitoringDefaults.ProjectionHorizon;
}
