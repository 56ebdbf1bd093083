using AiGovernance.Deployment.Rollout;

namespace AiGovernance.Shared;

/// <summary>Rollout state and leases over either SQL database. Each lease change and each save is one write transaction that
/// first serialises the rollout's writers (<see cref="IRelationalGovernanceDatabase.LockAsync"/>: SQLite's
/// <c>BEGIN IMMEDIATE</c> already has, PostgreSQL takes an advisory lock on the rollout's name), then reads the lease (and
/// version) and writes, so no other process can come between the check and the write.</summary>
internal sealed class RelationalRolloutStateStore(IRelationalGovernanceDatabase database)
{
    public async ValueTask<RolloutStateRecord?> GetAsync(string rolloutName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rolloutName);
        return await database.WriteTransactionAsync("read a rollout's state", async (connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                SELECT state, stage_index, traffic_fraction, stage_started_at_ticks, stage_started_at_offset, reason, version
                FROM aigov_rollout_states WHERE rollout_name = @name;
                """;
            command.Add("@name", rolloutName);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? new RolloutStateRecord(rolloutName, (RolloutState)reader.GetInt32(0), reader.GetInt32(1), reader.GetDouble(2),
                    StorageValues.Instant(reader.GetInt64(3), reader.GetInt32(4)), reader.GetString(5), reader.GetInt64(6))
                : null;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> TrySaveAsync(RolloutStateRecord record, string holderId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        RolloutStateStoreGuard.ThrowIfInvalid(record);
        ArgumentException.ThrowIfNullOrWhiteSpace(holderId);
        return await database.WriteTransactionAsync("save a rollout's state", async (connection, transaction) =>
        {
            await database.LockAsync(connection, transaction, "rollout", record.RolloutName, cancellationToken).ConfigureAwait(false);
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                SELECT
                    (SELECT COUNT(*) FROM aigov_rollout_leases WHERE rollout_name = @name AND holder_id = @holder AND expires_at_ticks > @now),
                    (SELECT COALESCE(MAX(version), 0) FROM aigov_rollout_states WHERE rollout_name = @name);
                """;
            command.Add("@name", record.RolloutName);
            command.Add("@holder", holderId);
            command.Add("@now", StorageValues.Ticks(now));
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
                VALUES (@name, @state, @stage, @traffic, @started, @offset, @reason, @version)
                ON CONFLICT (rollout_name) DO UPDATE SET state = excluded.state, stage_index = excluded.stage_index,
                    traffic_fraction = excluded.traffic_fraction, stage_started_at_ticks = excluded.stage_started_at_ticks,
                    stage_started_at_offset = excluded.stage_started_at_offset, reason = excluded.reason, version = excluded.version;
                """;
            save.Add("@name", record.RolloutName);
            save.Add("@state", (int)record.State);
            save.Add("@stage", record.StageIndex);
            save.Add("@traffic", record.TrafficFraction);
            save.Add("@started", StorageValues.Ticks(record.StageStartedAt));
            save.Add("@offset", StorageValues.OffsetMinutes(record.StageStartedAt));
            save.Add("@reason", record.Reason);
            save.Add("@version", record.Version);
            await save.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<RolloutLease> TryAcquireLeaseAsync(string rolloutName, string holderId, DateTimeOffset now, TimeSpan duration,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rolloutName);
        ArgumentException.ThrowIfNullOrWhiteSpace(holderId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        return await database.WriteTransactionAsync("take a rollout lease", async (connection, transaction) =>
        {
            await database.LockAsync(connection, transaction, "rollout", rolloutName, cancellationToken).ConfigureAwait(false);
            RolloutLease? current = null;
            using (var read = connection.CreateCommand())
            {
                read.Transaction = transaction;
                read.CommandText = "SELECT holder_id, expires_at_ticks, epoch FROM aigov_rollout_leases WHERE rollout_name = @name;";
                read.Add("@name", rolloutName);
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
                INSERT INTO aigov_rollout_leases (rollout_name, holder_id, expires_at_ticks, epoch) VALUES (@name, @holder, @expires, @epoch)
                ON CONFLICT (rollout_name) DO UPDATE SET holder_id = excluded.holder_id, expires_at_ticks = excluded.expires_at_ticks,
                    epoch = excluded.epoch;
                """;
            write.Add("@name", rolloutName);
            write.Add("@holder", holderId);
            write.Add("@expires", StorageValues.Ticks(taken.ExpiresAt));
            write.Add("@epoch", epoch);
            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return taken;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask ReleaseLeaseAsync(string rolloutName, string holderId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rolloutName);
        ArgumentException.ThrowIfNullOrWhiteSpace(holderId);
        await database.WriteTransactionAsync("release a rollout lease", async (connection, transaction) =>
        {
            await database.LockAsync(connection, transaction, "rollout", rolloutName, cancellationToken).ConfigureAwait(false);
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "UPDATE aigov_rollout_leases SET expires_at_ticks = 0 WHERE rollout_name = @name AND holder_id = @holder;";
            command.Add("@name", rolloutName);
            command.Add("@holder", holderId);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }
}
