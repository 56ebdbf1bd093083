using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Deployment.Shadow;

/// <summary>The shadow-mode success criteria: the candidate processes all production volume without failure,
/// its P95 latency is under a threshold, and its performance is within 5% of the validation results.</summary>
public sealed class ShadowCriteria
{
    /// <summary>The fewest requests before the criteria can pass.</summary>
    /// <value>The default value is 1000.</value>
    [Range(1, long.MaxValue)]
    public long MinRequests { get; set; } = DeploymentDefaults.MinRequests;

    /// <summary>The share of requests the candidate must have processed (1.0 = 100% of production volume).</summary>
    /// <value>The default value is 1.0.</value>
    [Range(0.0, 1.0)]
    public double MinVolumeProcessed { get; set; } = DeploymentDefaults.MinVolumeProcessed;

    /// <summary>The highest tolerated candidate failure rate (exceptions and timeouts over runs); 0 = no failure.</summary>
    /// <value>The default value is 0.</value>
    [Range(0.0, 1.0)]
    public double MaxCandidateErrorRate { get; set; } = DeploymentDefaults.MaxCandidateErrorRate;

    /// <summary>The candidate's P95 latency must be below this.</summary>
    /// <value>The default value is 200 ms.</value>
    #pragma warning disable IL2026 // Only the generated validator reads the attribute; it parses the bounds without a TypeConverter.
    [Range(typeof(TimeSpan), DeploymentDefaults.PositiveDuration, DeploymentDefaults.MaxDuration)]
    #pragma warning restore IL2026
    public TimeSpan MaxLatencyP95 { get; set; } = DeploymentDefaults.MaxLatencyP95;

    /// <summary>The candidate's performance metric (accuracy, F1, ...) measured at validation; when set, the production
    /// value must be supplied and be within <see cref="MaxPerformanceGap"/> of it.</summary>
    /// <value>The default value is null (not checked).</value>
    public double? ValidationPerformance { get; set; }

    /// <summary>The tolerated relative gap between production and validation performance.</summary>
    /// <value>The default value is 0.05.</value>
    [Range(0.0, 1.0)]
    public double MaxPerformanceGap { get; set; } = DeploymentDefaults.MaxPerformanceGap;
}
