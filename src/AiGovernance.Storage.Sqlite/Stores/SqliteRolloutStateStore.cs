using AiGovernance.Deployment.Rollout;
using AiGovernance.Shared;

namespace AiGovernance.Storage.Sqlite.Stores;

/// <summary>An <see cref="IRolloutStateStore"/> in a SQLite database: rollout state and leases shared by the controllers of
/// every process on the machine.</summary>
/// <remarks>Each lease change and each save is one <c>BEGIN IMMEDIATE</c> transaction that reads the lease (and version)
/// and writes, so the check and the write cannot be separated by another process.</remarks>
public sealed class SqliteRolloutStateStore : IRolloutStateStore
{
    private readonly RelationalRolloutStateStore _store;

    /// <summary>Creates the store over <paramref name="database"/>.</summary>
    /// <param name="database">The database.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is null.</exception>
    public SqliteRolloutStateStore(SqliteGovernanceDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _store = new RelationalRolloutStateStore(database);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="rolloutName"/> is empty.</exception>
    /// <exception cref="SqliteStorageException">The database could not be read.</exception>
    public ValueTask<RolloutStateRecord?> GetAsync(string rolloutName, CancellationToken cancellationToken = default) =>
        _store.GetAsync(rolloutName, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="holderId"/> is empty or the record is invalid.</exception>
    /// <exception cref="SqliteStorageException">The database could not be written.</exception>
    public ValueTask<bool> TrySaveAsync(RolloutStateRecord record, string holderId, DateTimeOffset now,
        CancellationToken cancellationToken = default) =>
        _store.TrySaveAsync(record, holderId, now, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A name is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is not positive.</exception>
    /// <exception cref="SqliteStorageException">The database could not be written.</exception>
    public ValueTask<RolloutLease> TryAcquireLeaseAsync(string rolloutName, string holderId, DateTimeOffset now, TimeSpan duration,
        CancellationToken cancellationToken = default) =>
        _store.TryAcquireLeaseAsync(rolloutName, holderId, now, duration, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A name is empty.</exception>
    /// <exception cref="SqliteStorageException">The database could not be written.</exception>
    public ValueTask ReleaseLeaseAsync(string rolloutName, string holderId, CancellationToken cancellationToken = default) =>
        _store.ReleaseLeaseAsync(rolloutName, holderId, cancellationToken);
}
