using AiGovernance.Deployment.Rollout;
using AiGovernance.Shared;

namespace AiGovernance.Storage.PostgreSql.Stores;

/// <summary>An <see cref="IRolloutStateStore"/> in a PostgreSQL database: rollout state and leases shared by the controllers of
/// every replica.</summary>
/// <remarks>Each lease change and each save is one transaction holding an advisory lock on the rollout's name; it reads the
/// lease (and version) and writes, so no other replica can come between the check and the write.</remarks>
public sealed class PostgreSqlRolloutStateStore : IRolloutStateStore
{
    private readonly RelationalRolloutStateStore _store;

    /// <summary>Creates the store over <paramref name="database"/>.</summary>
    /// <param name="database">The database.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is null.</exception>
    public PostgreSqlRolloutStateStore(PostgreSqlGovernanceDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _store = new RelationalRolloutStateStore(database);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="rolloutName"/> is empty.</exception>
    /// <exception cref="PostgreSqlStorageException">The database could not be read.</exception>
    public ValueTask<RolloutStateRecord?> GetAsync(string rolloutName, CancellationToken cancellationToken = default) =>
        _store.GetAsync(rolloutName, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="holderId"/> is empty or the record is invalid.</exception>
    /// <exception cref="PostgreSqlStorageException">The database could not be written.</exception>
    public ValueTask<bool> TrySaveAsync(RolloutStateRecord record, string holderId, DateTimeOffset now,
        CancellationToken cancellationToken = default) =>
        _store.TrySaveAsync(record, holderId, now, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A name is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is not positive.</exception>
    /// <exception cref="PostgreSqlStorageException">The database could not be written.</exception>
    public ValueTask<RolloutLease> TryAcquireLeaseAsync(string rolloutName, string holderId, DateTimeOffset now, TimeSpan duration,
        CancellationToken cancellationToken = default) =>
        _store.TryAcquireLeaseAsync(rolloutName, holderId, now, duration, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A name is empty.</exception>
    /// <exception cref="PostgreSqlStorageException">The database could not be written.</exception>
    public ValueTask ReleaseLeaseAsync(string rolloutName, string holderId, CancellationToken cancellationToken = default) =>
        _store.ReleaseLeaseAsync(rolloutName, holderId, cancellationToken);
}
