using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Monitoring.VendorSla;

/// <summary>How a <see cref="VendorPerformanceMonitor"/> judges a vendor against its contract.</summary>
public sealed class VendorSlaOptions
{
    /// <summary>The rolling window a report covers, ending at the current time. Must be positive.</summary>
    /// <value>The default value is 7 days.</value>
    #pragma warning disable IL2026 // Only the generated validator reads the attribute; it parses the bounds without a TypeConverter.
    [Range(typeof(TimeSpan), MonitoringDefaults.PositiveDuration, MonitoringDefaults.MaxDuration)]
    #pragma warning restore IL2026
    public TimeSpan Window { get; set; } = MonitoringDefaults.VendorSlaWindow;

    /// <summary>Below this many labelled records in the window the report is <see cref="VendorSlaStatus.InsufficientData"/>.</summary>
    /// <value>The default value is 100.</value>
    [Range(1, int.MaxValue)]
    public int MinimumLabelledRecords { get; set; } = MonitoringDefaults.VendorSlaMinimumLabelledRecords;

    /// <summary>How far accuracy, precision and recall may fall below the contracted value before it counts as a shortfall.</summary>
    /// <value>The default value is 0.02.</value>
    [Range(0.0, 1.0)]
    public double MetricTolerance { get; set; } = MonitoringDefaults.VendorSlaMetricTolerance;

    /// <summary>Latency percentiles may reach the contracted value times this factor before it counts as a shortfall.</summary>
    /// <value>The default value is 1.2.</value>
    [Range(1, double.MaxValue)]
    public double LatencyToleranceFactor { get; set; } = MonitoringDefaults.VendorSlaLatencyToleranceFactor;

    /// <summary>A shortfall is a violation only when a one-sided one-sample proportion z-test rejects "the true value meets the
    /// tolerated limit" at this level, so sampling noise is not reported as a breach.</summary>
    /// <value>The default value is 0.05.</value>
    [Range(double.Epsilon, 0.5)]
    public double SignificanceLevel { get; set; } = MonitoringDefaults.VendorSlaSignificanceLevel;
}
