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
    public double MediumPsi { get; set; } = DriftSeverityDefaults.MediumPsi;

    /// <summary>PSI above which drift is at least high.</summary>
    /// <value>The default value is 0.2.</value>
    [Range(0, double.MaxValue)]
    public double HighPsi { get; set; } = DriftSeverityDefaults.HighPsi;

    /// <summary>PSI above which drift is critical.</summary>
    /// <value>The default value is 0.3.</value>
    [Range(0, double.MaxValue)]
    public double CriticalPsi { get; set; } = DriftSeverityDefaults.CriticalPsi;

    /// <summary>Performance degradation (absolute drop of the metric) above which drift is at least medium.</summary>
    /// <value>The default value is 0.03.</value>
    [Range(0, 1)]
    public double MediumDegradation { get; set; } = DriftSeverityDefaults.MediumDegradation;

    /// <summary>Performance degradation above which drift is at least high.</summary>
    /// <value>The default value is 0.05.</value>
    [Range(0, 1)]
    public double HighDegradation { get; set; } = DriftSeverityDefaults.HighDegradation;

    /// <summary>Performance degradation above which drift is critical.</summary>
    /// <value>The default value is 0.10.</value>
    [Range(0, 1)]
    public double CriticalDegradation { get; set; } = DriftSeverityDefaults.CriticalDegradation;

    /// <summary>Performance degradation above which a critical response also recommends rolling back.</summary>
    /// <value>The default value is 0.15.</value>
    [Range(0, 1)]
    public double RollbackDegradation { get; set; } = DriftSeverityDefaults.RollbackDegradation;

    internal IEnumerable<string> Problems()
    {
        if (!(MediumPsi < HighPsi && HighPsi < CriticalPsi))
        {
            yield return $"PSI thresholds must be ordered medium < high < critical; got {MediumPsi}, {HighPsi}, {CriticalPsi}.";
        }

        if (!(MediumDegradation < HighDegradation && HighDegradation < CriticalDegradation))
        {
            yield return $"Degradation thresholds must be ordered medium < high < critical; got {MediumDegradation}, {HighDegradation}, {CriticalDegradation}.";
        }

        if (!(RollbackDegradation >= CriticalDegradation))
        {
            yield return $"The rollback degradation {RollbackDegradation} must be at least the critical degradation {CriticalDegradation}.";
        }
    }
}
