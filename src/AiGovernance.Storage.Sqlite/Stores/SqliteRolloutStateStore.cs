using AiGovernance.Deployment.Rollout;
using AiGovernance.Shared;

namespace AiGovernance.Storage.Sqlite.Stores;

/// <summary>An <see cref="IRolloutStateStore"/> in a SQLite database: rollout state and leases shared by the controllers of
/// every process on the machine.</summary>
/// <remarks>Each lease change and each save is one <c>BEGIN IMMEDIATE</c> transaction that reads the lease (and version)
/// and writes, so the check and the write cannot be separated by another process.</remarks>
public sealed class SqliteRolloutStateStore : IRolloutStateStore
{
    private readonly SqliteGovernanceDatabase _database;

    /// <summary>Creates the store over <paramref name="database"/>.</summary>
    /// <param name="database">The database.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is null.</exception>
    public SqliteRolloutStateStore(SqliteGovernanceDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="rolloutName"/> is empty.</exception>
    /// <exception cref="SqliteStorageException">The database could not be read.</exception>
    public async ValueTask<RolloutStateRecord?> GetAsync(string rolloutName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rolloutName);
        return await _database.WriteAsync("read a rollout's state", async (connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                SELECT state, stage_index, traffic_fraction, stage_started_at_ticks, stage_started_at_offset, reason, version
                FROM aigov_rollout_states WHERE rollout_name = $name;
                """;
            command.Parameters.AddWithValue("$name", rolloutName);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? new RolloutStateRecord(rolloutName, (RolloutState)reader.GetInt32(0), reader.GetInt32(1), reader.GetDouble(2),
                    StorageValues.Instant(reader.GetInt64(3), reader.GetInt32(4)), reader.GetString(5), reader.GetInt64(6))
                : null;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="holderId"/> is empty or the record is invalid.</exception>
    /// <exception cref="SqliteStorageException">The database could not be written.</exception>
    public async ValueTask<bool> TrySaveAsync(RolloutStateRecord record, string holderId, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        RolloutStateStoreGuard.ThrowIfInvalid(record);
        ArgumentException.ThrowIfNullOrWhiteSpace(holderId);
        return await _database.WriteAsync("save a rollout's state", async (connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                SELECT
                    (SELECT COUNT(*) FROM aigov_rollout_leases WHERE rollout_name = $name AND holder_id = $holder AND expires_at_ticks > $now),
                    (SELECT COALESCE(MAX(version), 0) FROM aigov_rollout_states WHERE rollout_name = $name);
                """;
            command.Parameters.AddWithValue("$name", record.RolloutName);
            command.Parameters.AddWithValue("$holder", holderId);
            command.Parameters.AddWithValue("$now", StorageValues.Ticks(now));
            long holds, version;
            using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                holds = reader.GetInt64(0);
                version = reader.GetInt64(1);
            }

            if (holds == 0 || version != record.Version - 1)
            {
                return false;
            }

            using var save = connection.CreateCommand();
            save.Transaction = transaction;
            save.CommandText = """
                INSERT INTO aigov_rollout_states (rollout_name, state, stage_index, traffic_fraction, stage_started_at_ticks,
                    stage_started_at_offset, reason, version)
                VALUES ($name, $state, $stage, $traffic, $started, $offset, $reason, $version)
                ON CONFLICT (rollout_name) DO UPDATE SET state = excluded.state, stage_index = excluded.stage_index,
                    traffic_fraction = excluded.traffic_fraction, stage_started_at_ticks = excluded.stage_started_at_ticks,
                    stage_started_at_offset = excluded.stage_started_at_offset, reason = excluded.reason, version = excluded.version;
                """;
            save.Parameters.AddWithValue("$name", record.RolloutName);
            save.Parameters.AddWithValue("$state", (int)record.State);
            save.Parameters.AddWithValue("$stage", record.StageIndex);
            save.Parameters.AddWithValue("$traffic", record.TrafficFraction);
            save.Parameters.AddWithValue("$started", StorageValues.Ticks(record.StageStartedAt));
            save.Parameters.AddWithValue("$offset", StorageValues.OffsetMinutes(record.StageStartedAt));
            save.Parameters.AddWithValue("$reason", record.Reason);
            save.Parameters.AddWithValue("$version", record.Version);
            await save.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A name is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is not positive.</exception>
    /// <exception cref="SqliteStorageException">The database could not be written.</exception>
    public async ValueTask<RolloutLease> TryAcquireLeaseAsync(string rolloutName, string holderId, DateTimeOffset now, TimeSpan duration,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rolloutName);
        ArgumentException.ThrowIfNullOrWhiteSpace(holderId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        return await _database.WriteAsync("take a rollout lease", async (connection, transaction) =>
        {
            RolloutLease? current = null;
            using (var read = connection.CreateCommand())
            {
                read.Transaction = transaction;
                read.CommandText = "SELECT holder_id, expires_at_ticks, epoch FROM aigov_rollout_leases WHERE rollout_name = $name;";
                read.Parameters.AddWithValue("$name", rolloutName);
                using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    current = new RolloutLease(rolloutName, reader.GetString(0), StorageValues.Instant(reader.GetInt64(1)), reader.GetInt64(2));
                }
            }

            if (current is { } held && held.HolderId != holderId && held.ExpiresAt > now)
            {
                return held;
            }

            var epoch = current is { } previous ? previous.Epoch + (previous.HolderId == holderId ? 0 : 1) : 1;
            var taken = new RolloutLease(rolloutName, holderId, now + duration, epoch);
            using var write = connection.CreateCommand();
            write.Transaction = transaction;
            write.CommandText = """
                INSERT INTO aigov_rollout_leases (rollout_name, holder_id, expires_at_ticks, epoch) VALUES ($name, $holder, $expires, $epoch)
                ON CONFLICT (rollout_name) DO UPDATE SET holder_id = excluded.holder_id, expires_at_ticks = excluded.expires_at_ticks,
                    epoch = excluded.epoch;
                """;
            write.Parameters.AddWithValue("$name", rolloutName);
            write.Parameters.AddWithValue("$holder", holderId);
            write.Parameters.AddWithValue("$expires", StorageValues.Ticks(taken.ExpiresAt));
            write.Parameters.AddWithValue("$epoch", epoch);
            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return taken;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A name is empty.</exception>
    /// <exception cref="SqliteStorageException">The database could not be written.</exception>
    public async ValueTask ReleaseLeaseAsync(string rolloutName, string holderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rolloutName);
        ArgumentException.ThrowIfNullOrWhiteSpace(holderId);
        await _database.WriteAsync("release a rollout lease", async (connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "UPDATE aigov_rollout_leases SET expires_at_ticks = 0 WHERE rollout_name = $name AND holder_id = $holder;";
            command.Parameters.AddWithValue("$name", rolloutName);
            command.Parameters.AddWithValue("$holder", holderId);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }
}
