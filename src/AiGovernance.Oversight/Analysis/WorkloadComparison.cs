namespace AiGovernance.Oversight.Analysis;

/// <summary>Override rates on high-volume days against low-volume days (the workload-pressure indicator).</summary>
/// <param name="Days">The number of calendar days with routed reviews.</param>
/// <param name="LowVolumeThreshold">The low percentile of daily volumes; days strictly below it are low-volume days.</param>
/// <param name="HighVolumeThreshold">The high percentile of daily volumes; days strictly above it are high-volume days.</param>
/// <param name="LowVolumeDays">The number of low-volume days.</param>
/// <param name="HighVolumeDays">The number of high-volume days.</param>
/// <param name="LowVolume">Overrides out of the reviews of low-volume days; null when there is no such day.</param>
/// <param name="HighVolume">Overrides out of the reviews of high-volume days; null when there is no such day.</param>
public readonly record struct WorkloadComparison(
    int Days,
    double LowVolumeThreshold,
    double HighVolumeThreshold,
    int LowVolumeDays,
    int HighVolumeDays,
    ProportionEstimate? LowVolume,
    ProportionEstimate? HighVolume);
