using System.Diagnostics;
using System.Runtime.CompilerServices;
using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Shared;
using Npgsql;

namespace AiGovernance.Storage.PostgreSql.Stores;

/// <summary>An <see cref="IAuditLog"/> in a PostgreSQL database: one hash chain per database, appended by any number of
/// processes on any number of machines.</summary>
/// <remarks>
/// <para>Appends are serialised by the database: each batch runs in a transaction that takes an advisory transaction lock
/// (<c>pg_advisory_xact_lock</c>), reads the head and inserts the next records, so the chain never forks and sequence
/// numbers have no gaps (the sequence is the primary key). Concurrent appends of one process are committed together (group
/// commit, at most <see cref="PostgreSqlStorageOptions.MaxBatchSize"/> per transaction, sent in one round trip); each
/// completes only after the commit that holds it, which with the server's default <c>synchronous_commit=on</c> is durable.</para>
/// <para><see cref="Head"/> is the newest head this instance wrote or read. <see cref="VerifyAsync"/> re-reads the whole
/// chain and checks that it still passes through that head, so an edited, deleted, inserted, reordered or truncated row is
/// found; a rewrite with every later hash recomputed is found with a signed checkpoint
/// (<see cref="AuditChain.VerifyAgainstCheckpointAsync"/> over <see cref="ReadAsync"/>).</para>
/// </remarks>
public sealed class PostgreSqlAuditLog : IAuditLog
{
    private const string InsertSql = """
        INSERT INTO aigov_audit_records (sequence, timestamp_ticks, event_type, actor, system_id, artifact_digest, payload, previous_hash, hash)
        VALUES (@seq, @ts, @type, @actor, @system, @artifact, @payload, @prev, @hash)
        """;

    private readonly PostgreSqlGovernanceDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly GroupCommitQueue<AuditEvent, AuditRecord> _queue;
    private readonly Lock _headLock = new();
    private AuditCheckpoint _head = new(0, AuditChain.Genesis);

    /// <summary>Creates the log over <paramref name="database"/>.</summary>
    /// <param name="database">The database.</param>
    /// <param name="timeProvider">Stamps records.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public PostgreSqlAuditLog(PostgreSqlGovernanceDatabase database, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _database = database;
        _timeProvider = timeProvider;
        _queue = new GroupCommitQueue<AuditEvent, AuditRecord>(CommitAsync, database.Options.MaxBatchSize);
    }

    /// <inheritdoc />
    public AuditCheckpoint Head
    {
        get
        {
            lock (_headLock)
            {
                return _head;
            }
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="auditEvent"/> is null.</exception>
    /// <exception cref="PostgreSqlStorageException">The database could not be written; the event was not appended.</exception>
    public async ValueTask<AuditRecord> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        await _database.InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await _queue.SubmitAsync(auditEvent, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="PostgreSqlStorageException">The database could not be read.</exception>
    public async IAsyncEnumerable<AuditRecord> ReadAsync(long fromSequence = 1,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fromSequence, 1);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = new NpgsqlCommand { Connection = connection };
            command.CommandText = """
                SELECT sequence, timestamp_ticks, event_type, actor, system_id, artifact_digest, payload, previous_hash, hash
                FROM aigov_audit_records WHERE sequence >= @from ORDER BY sequence;
                """;
            command.Parameters.AddWithValue("@from", fromSequence);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                AuditRecord? last = null;
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    last = ReadRecord(reader);
                    yield return last;
                }

                if (last is not null)
                {
                    Observe(new AuditCheckpoint(last.Sequence, last.Hash));
                }
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask<AuditVerificationResult> VerifyAsync(CancellationToken cancellationToken = default) =>
        await AuditChain.VerifyAsync(ReadAsync(1, cancellationToken), Head, cancellationToken).ConfigureAwait(false);

    internal static AuditRecord ReadRecord(NpgsqlDataReader reader)
    {
        var previous = (byte[])reader.GetValue(7);
        var hash = (byte[])reader.GetValue(8);
        return new AuditRecord(
            reader.GetInt64(0),
            StorageValues.Instant(reader.GetInt64(1)),
            reader.GetString(2),
            reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            StorageValues.Digest(reader.IsDBNull(5) ? null : reader.GetString(5)),
            StorageValues.ParseJson(reader.IsDBNull(6) ? null : reader.GetString(6)),
            Sha256Digest.FromBytes(previous),
            Sha256Digest.FromBytes(hash));
    }

    private void Observe(AuditCheckpoint head)
    {
        lock (_headLock)
        {
            if (head.Sequence > _head.Sequence)
            {
                _head = head;
            }
        }
    }

    private async Task<AuditRecord[]> CommitAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var records = await _database.WriteAsync("append to the audit log", async (connection, transaction) =>
        {
            // One chain for every process on every machine: the transaction-scoped advisory lock serialises appenders, and
            // the sequence primary key would refuse a fork even without it.
            using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key);", connection, transaction))
            {
                command.Parameters.AddWithValue("key", PostgreSqlGovernanceDatabase.AuditLockKey);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var current = new AuditCheckpoint(0, AuditChain.Genesis);
            using (var head = new NpgsqlCommand("SELECT sequence, hash FROM aigov_audit_records ORDER BY sequence DESC LIMIT 1;", connection,
                transaction))
            using (var reader = await head.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    current = new AuditCheckpoint(reader.GetInt64(0), Sha256Digest.FromBytes((byte[])reader.GetValue(1)));
                }
            }

            using var batch = new NpgsqlBatch(connection, transaction);
            var result = new AuditRecord[events.Count];
            var now = _timeProvider.GetUtcNow();
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                var sequence = current.Sequence + 1;
                var hash = AuditChain.ComputeHash(sequence, now, e.EventType, e.Actor, e.SystemId, e.ArtifactDigest, e.Payload, current.Hash);
                result[i] = new AuditRecord(sequence, now, e.EventType, e.Actor, e.SystemId, e.ArtifactDigest, e.Payload, current.Hash, hash);
                var insert = new NpgsqlBatchCommand(InsertSql);
                insert.Parameters.Add(new NpgsqlParameter<long>("seq", sequence));
                insert.Parameters.Add(new NpgsqlParameter<long>("ts", StorageValues.Ticks(now)));
                insert.Parameters.Add(new NpgsqlParameter<string>("type", e.EventType));
                insert.Parameters.Add(Text("actor", e.Actor));
                insert.Parameters.Add(Text("system", e.SystemId));
                insert.Parameters.Add(Text("artifact", StorageValues.DigestText(e.ArtifactDigest)));
                insert.Parameters.Add(Text("payload", StorageValues.CanonicalJson(e.Payload)));
                insert.Parameters.Add(new NpgsqlParameter<byte[]>("prev", current.Hash.AsSpan().ToArray()));
                insert.Parameters.Add(new NpgsqlParameter<byte[]>("hash", hash.AsSpan().ToArray()));
                batch.BatchCommands.Add(insert);
                current = new AuditCheckpoint(sequence, hash);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }, cancellationToken).ConfigureAwait(false);

        Observe(new AuditCheckpoint(records[^1].Sequence, records[^1].Hash));
        _database.Telemetry.Appends.Add(records.Length);
        _database.Telemetry.BatchSize.Record(records.Length, new KeyValuePair<string, object?>("store", "audit"));
        _database.Telemetry.CommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("store",
            "audit"));
        return records;
    }

    private static NpgsqlParameter Text(string name, string? value) =>
        new(name, NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };
}
