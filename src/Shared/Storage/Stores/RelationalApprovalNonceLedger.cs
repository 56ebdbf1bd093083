using System.Data.Common;
using AiGovernance.Core;

namespace AiGovernance.Shared;

/// <summary>The approval nonce ledger over either SQL database: the nonce is the primary key, and one upsert either inserts
/// it, confirms the same statement, or takes over an entry whose approval expired; a different statement holding an
/// unexpired entry is refused.</summary>
/// <remarks>Where <see cref="StorageDialect.AutocommitSingleStatements"/> (PostgreSQL), the upsert runs as one autocommitted
/// statement prepared once per physical connection: one round trip and one durable commit, the server sharing WAL flushes
/// among concurrent callers. Otherwise (SQLite) it runs in a write transaction, which serialises it with every other
/// writer. Every <c>purgeEvery</c>-th call purges expired entries in the same transaction as its upsert.</remarks>
internal sealed class RelationalApprovalNonceLedger
{
    private const string Operation = "record an approval nonce";

    private readonly IRelationalGovernanceDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly int _purgeEvery;
    private readonly string _upsertSql;
    private long _calls;

    public RelationalApprovalNonceLedger(IRelationalGovernanceDatabase database, TimeProvider timeProvider, int purgeEvery)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _database = database;
        _timeProvider = timeProvider;
        _purgeEvery = purgeEvery;
        _upsertSql = $"""
            INSERT INTO aigov_approval_nonces (nonce, statement_digest, expires_at_ticks) VALUES (@nonce, @digest, @expires)
            ON CONFLICT (nonce) DO UPDATE SET
                expires_at_ticks = CASE WHEN aigov_approval_nonces.statement_digest = excluded.statement_digest
                    THEN {database.Dialect.Greatest}(aigov_approval_nonces.expires_at_ticks, excluded.expires_at_ticks)
                    ELSE excluded.expires_at_ticks END,
                statement_digest = excluded.statement_digest
            WHERE aigov_approval_nonces.statement_digest = excluded.statement_digest OR aigov_approval_nonces.expires_at_ticks <= @now
            RETURNING nonce;
            """;
    }

    public async ValueTask<bool> TryRecordAsync(string nonce, Sha256Digest statementDigest, DateTimeOffset expiresAt,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nonce);
        if (statementDigest.IsEmpty)
        {
            throw new ArgumentException("The statement digest is empty.", nameof(statementDigest));
        }

        var now = _timeProvider.GetUtcNow();
        var purge = Interlocked.Increment(ref _calls) % _purgeEvery == 0;
        var accepted = purge || !_database.Dialect.AutocommitSingleStatements
            ? await _database.WriteTransactionAsync(Operation, async (connection, transaction) =>
            {
                var result = await UpsertAsync(connection, transaction, nonce, statementDigest, expiresAt, now, cancellationToken)
                    .ConfigureAwait(false);
                if (purge)
                {
                    await PurgeAsync(connection, transaction, now, cancellationToken).ConfigureAwait(false);
                }

                return result;
            }, cancellationToken).ConfigureAwait(false)
            : await UpsertAloneAsync(nonce, statementDigest, expiresAt, now, cancellationToken).ConfigureAwait(false);
        if (!accepted)
        {
            _database.Telemetry.NonceReplays.Add(1);
        }

        return accepted;
    }

    public async ValueTask<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        return await _database.WriteTransactionAsync("purge expired nonces",
            (connection, transaction) => PurgeAsync(connection, transaction, now, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> UpsertAloneAsync(string nonce, Sha256Digest statementDigest, DateTimeOffset expiresAt, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                return await UpsertAsync(connection, null, nonce, statementDigest, expiresAt, now, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (StorageCommands.IsDriverFailure(exception))
            {
                throw _database.WrapFailure(Operation, exception);
            }
        }
    }

    private async Task<bool> UpsertAsync(DbConnection connection, DbTransaction? transaction, string nonce, Sha256Digest statementDigest,
        DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var command = StorageCommands.Create(connection, transaction, _upsertSql);
        command.Add("@nonce", nonce);
        command.Add("@digest", statementDigest.AsSpan().ToArray());
        command.Add("@expires", StorageValues.Ticks(expiresAt));
        command.Add("@now", StorageValues.Ticks(now));
        if (_database.Dialect.AutocommitSingleStatements)
        {
            // The hot path of every approval: prepared once per physical connection (Npgsql keeps it across pooled opens; a
            // connection that already holds it answers without a round trip), so each call is bind, execute and commit only.
            await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
        }

        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    private async Task<int> PurgeAsync(DbConnection connection, DbTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var command = StorageCommands.Create(connection, transaction, "DELETE FROM aigov_approval_nonces WHERE expires_at_ticks <= @now;");
        command.Add("@now", StorageValues.Ticks(now));
        var count = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        _database.NoncesPurged(count);
        return count;
    }
}
