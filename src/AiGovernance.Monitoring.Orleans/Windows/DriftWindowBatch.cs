using AiGovernance.Monitoring.Drift;

namespace AiGovernance.Monitoring.Orleans.Windows;

/// <summary>Batch fan-out on the window grains: each worker of a data-platform job profiles its partition
/// (<see cref="WindowProfile.AddRows"/>) and submits it; the job closes the window when every partition is in.</summary>
/// <remarks>The partition id is the idempotency key, so a worker (or its scheduler) may resubmit a partition as often as it
/// likes — after a timeout, a crash, a retry by Polly — and the window counts it once. The merged window equals the
/// profile of all partitions' rows together, so the count-based statistics (PSI, Jensen–Shannon, chi-squared, the
/// missing-rate test) equal the single-machine answer exactly.</remarks>
public static class DriftWindowBatch
{
    /// <summary>The prefix of a partition's idempotency key.</summary>
    public const string PartitionKeyPrefix = "partition:";

    /// <summary>Submits one partition's profile to a window.</summary>
    /// <param name="grains">The grain factory (an <c>IClusterClient</c> or a silo's).</param>
    /// <param name="window">The window.</param>
    /// <param name="windowLength">The window's length (every submission must agree).</param>
    /// <param name="partitionId">The partition's stable id (for example its file name); 1 to 190 characters.</param>
    /// <param name="profile">The partition's profile, created from the window's reference.</param>
    /// <returns>The receipt; <see cref="PartialReceipt.IsAcknowledged"/> once the window persisted it (now or before).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="partitionId"/> is empty or too long.</exception>
    public static Task<PartialReceipt> SubmitPartitionAsync(
        this IGrainFactory grains, DriftWindowKey window, TimeSpan windowLength, string partitionId, WindowProfile profile)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentException.ThrowIfNullOrWhiteSpace(partitionId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(partitionId.Length, DriftPartial.MaxIdLength - PartitionKeyPrefix.Length, nameof(partitionId));
        ArgumentNullException.ThrowIfNull(profile);
        var partial = new DriftPartial
        {
            FlushId = PartitionKeyPrefix + partitionId,
            Source = partitionId,
            WindowLength = windowLength,
            ProfileJson = profile.ToJson(),
            RowCount = profile.RowCount,
        };
        return grains.GetGrain<IDriftWindowGrain>(window.ToGrainKey()).AddPartialAsync(partial);
    }

    /// <summary>Closes a window now and returns its status with the report.</summary>
    /// <param name="grains">The grain factory.</param>
    /// <param name="window">The window.</param>
    /// <returns>The status; <see cref="DriftWindowStatus.GetReport"/> reads the report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="grains"/> is null.</exception>
    public static Task<DriftWindowStatus> CloseWindowAsync(this IGrainFactory grains, DriftWindowKey window)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.GetGrain<IDriftWindowGrain>(window.ToGrainKey()).CloseAsync();
    }
}
