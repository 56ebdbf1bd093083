using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Monitoring.Responses;

/// <summary>Thresholds that turn a PSI and a performance degradation into a <see cref="Core.Severity"/>.</summary>
/// <remarks>Each level applies when PSI or degradation is strictly above its threshold; thresholds must be ordered
/// medium &lt; high &lt; critical (checked by <see cref="DriftSeverityPolicy"/> and by options validation).</remarks>
public sealed class DriftSeverityOptions
{
    /// <summary>PSI above which drift is at least medium.</summary>
    /// <value>The default value is 0.1.</value>
    [Range(0, double.MaxValue)]
    public double MediumPsi { get; set; } = MonitoringDefaults.MediumPsi;

    /// <summary>PSI above which drift is at least high.</summary>
    /// <value>The default value is 0.2.</value>
    [Range(0, double.MaxValue)]
    public double HighPsi { get; set; } = MonitoringDefaults.HighPsi;

    /// <summary>PSI above which drift is critical.</summary>
    /// <value>The default value is 0.3.</value>
    [Range(0, double.MaxValue)]
    public double CriticalPsi { get; set; } = MonitoringDefaults.CriticalPsi;

    /// <summary>Performance degradation (absolute drop of the metric) above which drift is at least medium.</summary>
    /// <value>The default value is 0.03.</value>
    [Range(0.0, 1.0)]
    public double MediumDegradation { get; set; } = MonitoringDefaults.MediumDegradation;

    /// <summary>Performance degradation above which drift is at least high.</summary>
    /// <value>The default value is 0.05.</value>
    [Range(0.0, 1.0)]
    public double HighDegradation { get; set; } = MonitoringDefaults.HighDegradation;

    /// <summary>Performance degradation above which drift is critical.</summary>
    /// <value>The default value is 0.10.</value>
    [Range(0.0, 1.0)]
    public double CriticalDegradation { get; set; } = MonitoringDefaults.CriticalDegradation;

    /// <summary>Performance degradation above which a critical response also recommends rolling back.</summary>
    /// <value>The default value is 0.15.</value>
    [Range(0.0, 1.0)]
    public double RollbackDegradation { get; set; } = MonitoringDefaults.RollbackDegradation;
}
