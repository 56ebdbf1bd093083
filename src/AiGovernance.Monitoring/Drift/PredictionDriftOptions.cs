using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Monitoring.Drift;

/// <summary>Thresholds for <see cref="PredictionDriftDetector"/>.</summary>
public sealed class PredictionDriftOptions
{
    /// <summary>Jensen–Shannon divergence (natural log) of class frequencies above which predictions drifted.</summary>
    /// <value>The default value is 0.1.</value>
    [Range(double.Epsilon, 1)]
    public double ClassDistributionThreshold { get; set; } = MonitoringDefaults.ClassDistributionThreshold;

    /// <summary>The Kolmogorov–Smirnov level for score drift.</summary>
    /// <value>The default value is 0.05.</value>
    [Range(double.Epsilon, 0.5)]
    public double SignificanceLevel { get; set; } = MonitoringDefaults.SignificanceLevel;

    /// <summary>The PSI scores must also exceed to count as drifted.</summary>
    /// <value>The default value is 0.1.</value>
    [Range(0, double.MaxValue)]
    public double MinimumScorePsi { get; set; } = MonitoringDefaults.MinimumScorePsi;

    /// <summary>Quantile bins for the score PSI.</summary>
    /// <value>The default value is 10.</value>
    [Range(2, 1000)]
    public int Bins { get; set; } = MonitoringDefaults.Bins;
}
