using System.Diagnostics;
using System.Runtime.CompilerServices;
using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Shared;
using Microsoft.Data.Sqlite;

namespace AiGovernance.Storage.Sqlite.Stores;

/// <summary>An <see cref="IAuditLog"/> in a SQLite database: one hash chain per database, appended by any number of
/// processes on the machine.</summary>
/// <remarks>
/// <para>Appends are serialised by the database: each batch runs in a <c>BEGIN IMMEDIATE</c> transaction that reads the head
/// and inserts the next records, so the chain never forks and sequence numbers have no gaps (the sequence is the primary
/// key). Concurrent appends of one process are committed together (group commit, at most
/// <see cref="SqliteStorageOptions.MaxBatchSize"/> per transaction); each completes only after the commit that holds it,
/// which with WAL and <c>synchronous=FULL</c> is durable.</para>
/// <para><see cref="Head"/> is the newest head this instance wrote or read. <see cref="VerifyAsync"/> re-reads the whole
/// chain and checks that it still passes through that head, so an edited, deleted, inserted, reordered or truncated row is
/// found; a rewrite with every later hash recomputed is found with a signed checkpoint
/// (<see cref="AuditChain.VerifyAgainstCheckpointAsync"/> over <see cref="ReadAsync"/>).</para>
/// </remarks>
public sealed class SqliteAuditLog : IAuditLog
{
    private const string InsertSql = """
        INSERT INTO aigov_audit_records (sequence, timestamp_ticks, event_type, actor, system_id, artifact_digest, payload, previous_hash, hash)
        VALUES ($seq, $ts, $type, $actor, $system, $artifact, $payload, $prev, $hash);
        """;

    private readonly SqliteGovernanceDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly GroupCommitQueue<AuditEvent, AuditRecord> _queue;
    private readonly Lock _headLock = new();
    private AuditCheckpoint _head = new(0, AuditChain.Genesis);

    /// <summary>Creates the log over <paramref name="database"/>.</summary>
    /// <param name="database">The database.</param>
    /// <param name="timeProvider">Stamps records.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public SqliteAuditLog(SqliteGovernanceDatabase database, TimeProvider timeProvider)
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
    /// <exception cref="SqliteStorageException">The database could not be written; the event was not appended.</exception>
    public async ValueTask<AuditRecord> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        await _database.InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await _queue.SubmitAsync(auditEvent, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="SqliteStorageException">The database could not be read.</exception>
    public async IAsyncEnumerable<AuditRecord> ReadAsync(long fromSequence = 1,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fromSequence, 1);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT sequence, timestamp_ticks, event_type, actor, system_id, artifact_digest, payload, previous_hash, hash
                FROM aigov_audit_records WHERE sequence >= $from ORDER BY sequence;
                """;
            command.Parameters.AddWithValue("$from", fromSequence);
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

    internal static AuditRecord ReadRecord(SqliteDataReader reader)
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
            using var head = connection.CreateCommand();
            head.Transaction = transaction;
            head.CommandText = "SELECT sequence, hash FROM aigov_audit_records ORDER BY sequence DESC LIMIT 1;";
            var current = new AuditCheckpoint(0, AuditChain.Genesis);
            using (var reader = await head.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    current = new AuditCheckpoint(reader.GetInt64(0), Sha256Digest.FromBytes((byte[])reader.GetValue(1)));
                }
            }

            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = InsertSql;
            var p = Parameters(insert);
            var result = new AuditRecord[events.Count];
            var now = _timeProvider.GetUtcNow();
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                var sequence = current.Sequence + 1;
                var hash = AuditChain.ComputeHash(sequence, now, e.EventType, e.Actor, e.SystemId, e.ArtifactDigest, e.Payload, current.Hash);
                var record = new AuditRecord(sequence, now, e.EventType, e.Actor, e.SystemId, e.ArtifactDigest, e.Payload, current.Hash, hash);
                p.Sequence.Value = sequence;
                p.Timestamp.Value = StorageValues.Ticks(now);
                p.Type.Value = e.EventType;
                p.Actor.Value = e.Actor;
                p.System.Value = (object?)e.SystemId ?? DBNull.Value;
                p.Artifact.Value = (object?)StorageValues.DigestText(e.ArtifactDigest) ?? DBNull.Value;
                p.Payload.Value = (object?)StorageValues.CanonicalJson(e.Payload) ?? DBNull.Value;
                p.Previous.Value = current.Hash.AsSpan().ToArray();
                p.Hash.Value = hash.AsSpan().ToArray();
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                result[i] = record;
                current = new AuditCheckpoint(sequence, hash);
            }

            return result;
        }, cancellationToken).ConfigureAwait(false);

        Observe(new AuditCheckpoint(records[^1].Sequence, records[^1].Hash));
        _database.Telemetry.Appends.Add(records.Length);
        _database.Telemetry.BatchSize.Record(records.Length, new KeyValuePair<string, object?>("store", "audit"));
        _database.Telemetry.CommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("store",
            "audit"));
        return records;
    }

    private static (SqliteParameter Sequence, SqliteParameter Timestamp, SqliteParameter Type, SqliteParameter Actor, SqliteParameter System,
        SqliteParameter Artifact, SqliteParameter Payload, SqliteParameter Previous, SqliteParameter Hash) Parameters(SqliteCommand command) =>
        (command.Parameters.Add("$seq", SqliteType.Integer), command.Parameters.Add("$ts", SqliteType.Integer),
         command.Parameters.Add("$type", SqliteType.Text), command.Parameters.Add("$actor", SqliteType.Text),
         command.Parameters.Add("$system", SqliteType.Text), command.Parameters.Add("$artifact", SqliteType.Text),
         command.Parameters.Add("$payload", SqliteType.Text), command.Parameters.Add("$prev", SqliteType.Blob),
         command.Parameters.Add("$hash", SqliteType.Blob));
}
