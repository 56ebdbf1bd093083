namespace AiGovernance.Deployment.Rollout;

/// <summary>An <see cref="IRolloutStateStore"/> in memory: shared by the controllers of one process; a restart forgets
/// every rollout's state. Use a durable store (the storage packages) for anything that outlives the process.</summary>
/// <remarks>Thread-safe.</remarks>
public sealed class InMemoryRolloutStateStore : IRolloutStateStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RolloutStateRecord> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RolloutLease> _leases = new(StringComparer.Ordinal);

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="rolloutName"/> is empty.</exception>
    public ValueTask<RolloutStateRecord?> GetAsync(string rolloutName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rolloutName);
        lock (_gate)
        {
            return ValueTask.FromResult(_states.GetValueOrDefault(rolloutName));
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="holderId"/> is empty.</exception>
    public ValueTask<bool> TrySaveAsync(RolloutStateRecord record, string holderId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        RolloutStateStoreGuard.ThrowIfInvalid(record);
        ArgumentException.ThrowIfNullOrWhiteSpace(holderId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_leases.TryGetValue(record.RolloutName, out var lease) || lease.HolderId != holderId || lease.ExpiresAt <= now)
            {
                return ValueTask.FromResult(false);
            }

            var stored = _states.GetValueOrDefault(record.RolloutName)?.Version ?? 0;
            if (stored != record.Version - 1)
            {
                return ValueTask.FromResult(false);
            }

            _states[record.RolloutName] = record;
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A name is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is not positive.</exception>
    public ValueTask<RolloutLease> TryAcquireLeaseAsync(string rolloutName, string holderId, DateTimeOffset now, TimeSpan duration,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rolloutName);
        ArgumentException.ThrowIfNullOrWhiteSpace(holderId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_leases.TryGetValue(rolloutName, out var lease) && lease.HolderId != holderId && lease.ExpiresAt > now)
            {
                return ValueTask.FromResult(lease);
            }

            var epoch = _leases.ContainsKey(rolloutName) ? lease.Epoch + (lease.HolderId == holderId ? 0 : 1) : 1;
            var taken = new RolloutLease(rolloutName, holderId, now + duration, epoch);
            _leases[rolloutName] = taken;
            return ValueTask.FromResult(taken);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A name is empty.</exception>
    public ValueTask ReleaseLeaseAsync(string rolloutName, string holderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rolloutName);
        ArgumentException.ThrowIfNullOrWhiteSpace(holderId);
        lock (_gate)
        {
            if (_leases.TryGetValue(rolloutName, out var lease) && lease.HolderId == holderId)
            {
                _leases[rolloutName] = lease with { ExpiresAt = DateTimeOffset.MinValue };
            }
        }

        return ValueTask.CompletedTask;
    }
}
