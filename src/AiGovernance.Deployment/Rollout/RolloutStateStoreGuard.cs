namespace AiGovernance.Deployment.Rollout;

/// <summary>Argument checks shared by the <see cref="IRolloutStateStore"/> implementations.</summary>
public static class RolloutStateStoreGuard
{
    /// <summary>Throws when a record cannot be saved.</summary>
    /// <param name="record">The record.</param>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ArgumentException">The name or reason is empty, the version is below 1, the state is undefined, or
    /// the traffic fraction is outside [0, 1].</exception>
    public static void ThrowIfInvalid(RolloutStateRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrWhiteSpace(record.RolloutName, nameof(record));
        ArgumentException.ThrowIfNullOrWhiteSpace(record.Reason, nameof(record));
        if (record.Version < 1 || !Enum.IsDefined(record.State) || !(record.TrafficFraction is >= 0 and <= 1))
        {
            throw new ArgumentException(
                $"Rollout {record.RolloutName}: version {record.Version}, state {record.State} or traffic {record.TrafficFraction} is invalid.",
                nameof(record));
        }
    }
}
