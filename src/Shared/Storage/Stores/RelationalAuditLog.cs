using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using AiGovernance.Core;
using AiGovernance.Core.Audit;

namespace AiGovernance.Shared;

/// <summary>The hash-chained audit log over either SQL database: one chain per database, group-committed appends, reads in
/// sequence order, verification through the newest head seen.</summary>
/// <remarks>Each batch runs in one write transaction that serialises every appender of the database
/// (<see cref="IRelationalGovernanceDatabase.LockAuditChainAsync"/>: SQLite's <c>BEGIN IMMEDIATE</c> already has, PostgreSQL
/// takes its audit advisory lock), reads the head and inserts the next records
/// (<see cref="IRelationalGovernanceDatabase.ExecuteForEachRowAsync"/>: one re-bound command per row in SQLite, one batch and
/// one round trip in PostgreSQL), so the chain never forks and the sequence primary key has no gaps.</remarks>
internal sealed class RelationalAuditLog
{
    private const string InsertSql = """
        INSERT INTO aigov_audit_records (sequence, timestamp_ticks, event_type, actor, system_id, artifact_digest, payload, previous_hash, hash)
        VALUES (@seq, @ts, @type, @actor, @system, @artifact, @payload, @prev, @hash)
        """;

    private static readonly string[] InsertParameters = ["@seq", "@ts", "@type", "@actor", "@system", "@artifact", "@payload", "@prev", "@hash"];

    private readonly IRelationalGovernanceDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly GroupCommitQueue<AuditEvent, AuditRecord> _queue;
    private readonly Lock _headLock = new();
    private AuditCheckpoint _head = new(0, AuditChain.Genesis);

    public RelationalAuditLog(IRelationalGovernanceDatabase database, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _database = database;
        _timeProvider = timeProvider;
        _queue = new GroupCommitQueue<AuditEvent, AuditRecord>(CommitAsync, database.MaxBatchSize);
    }

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

    public async ValueTask<AuditRecord> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        await _database.InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await _queue.SubmitAsync(auditEvent, cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<AuditRecord> ReadAsync(long fromSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fromSequence, 1);
        var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = StorageCommands.Create(connection, null, """
                SELECT sequence, timestamp_ticks, event_type, actor, system_id, artifact_digest, payload, previous_hash, hash
                FROM aigov_audit_records WHERE sequence >= @from ORDER BY sequence;
                """);
            command.Add("@from", fromSequence);
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

    public async ValueTask<AuditVerificationResult> VerifyAsync(CancellationToken cancellationToken) =>
        await AuditChain.VerifyAsync(ReadAsync(1, cancellationToken), Head, cancellationToken).ConfigureAwait(false);

    private static AuditRecord ReadRecord(DbDataReader reader) => new(
        reader.GetInt64(0),
        StorageValues.Instant(reader.GetInt64(1)),
        reader.GetString(2),
        reader.GetString(3),
        reader.TextOrNull(4),
        StorageValues.Digest(reader.TextOrNull(5)),
        StorageValues.ParseJson(reader.TextOrNull(6)),
        Sha256Digest.FromBytes((byte[])reader.GetValue(7)),
        Sha256Digest.FromBytes((byte[])reader.GetValue(8)));

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
        var records = await _database.WriteTransactionAsync("append to the audit log", async (connection, transaction) =>
        {
            await _database.LockAuditChainAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            var current = new AuditCheckpoint(0, AuditChain.Genesis);
            using (var head = StorageCommands.Create(connection, transaction,
                "SELECT sequence, hash FROM aigov_audit_records ORDER BY sequence DESC LIMIT 1;"))
            using (var reader = await head.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    current = new AuditCheckpoint(reader.GetInt64(0), Sha256Digest.FromBytes((byte[])reader.GetValue(1)));
                }
            }

            var result = new AuditRecord[events.Count];
            var rows = new object?[events.Count][];
            var now = _timeProvider.GetUtcNow();
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                var sequence = current.Sequence + 1;
                var hash = AuditChain.ComputeHash(sequence, now, e.EventType, e.Actor, e.SystemId, e.ArtifactDigest, e.Payload, current.Hash);
                result[i] = new AuditRecord(sequence, now, e.EventType, e.Actor, e.SystemId, e.ArtifactDigest, e.Payload, current.Hash, hash);
                rows[i] =
                [
                    sequence, StorageValues.Ticks(now), e.EventType, e.Actor, e.SystemId, StorageValues.DigestText(e.ArtifactDigest),
                    StorageValues.CanonicalJson(e.Payload), current.Hash.AsSpan().ToArray(), hash.AsSpan().ToArray(),
                ];
                current = new AuditCheckpoint(sequence, hash);
            }

            await _database.ExecuteForEachRowAsync(connection, transaction, InsertSql, InsertParameters, rows, cancellationToken)
                .ConfigureAwait(false);
            return result;
        }, cancellationToken).ConfigureAwait(false);

        Observe(new AuditCheckpoint(records[^1].Sequence, records[^1].Hash));
        var telemetry = _database.Telemetry;
        telemetry.Appends.Add(records.Length);
        telemetry.BatchSize.Record(records.Length, new KeyValuePair<string, object?>("store", "audit"));
        telemetry.CommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("store", "audit"));
        return records;
    }
}
