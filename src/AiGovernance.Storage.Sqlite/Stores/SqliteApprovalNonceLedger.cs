using AiGovernance.Core;
using AiGovernance.Gates.Approvals;
using AiGovernance.Shared;
using Microsoft.Data.Sqlite;

namespace AiGovernance.Storage.Sqlite.Stores;

/// <summary>An <see cref="IApprovalNonceLedger"/> in a SQLite database, shared by every process on the machine that uses the
/// file and kept across restarts.</summary>
/// <remarks>The nonce is the primary key: one upsert either inserts it, confirms the same statement, or takes over an entry
/// whose approval expired; a different statement holding an unexpired entry is refused. SQLite serialises writers, so of
/// two racing statements exactly one wins. Every 1,024th call purges expired entries (an expired approval fails verification
/// anyway). Each call is one durable transaction.</remarks>
public sealed class SqliteApprovalNonceLedger : IApprovalNonceLedger
{
    private const string UpsertSql = """
        INSERT INTO aigov_approval_nonces (nonce, statement_digest, expires_at_ticks) VALUES ($nonce, $digest, $expires)
        ON CONFLICT (nonce) DO UPDATE SET
            expires_at_ticks = CASE WHEN aigov_approval_nonces.statement_digest = excluded.statement_digest
                THEN max(aigov_approval_nonces.expires_at_ticks, excluded.expires_at_ticks) ELSE excluded.expires_at_ticks END,
            statement_digest = excluded.statement_digest
        WHERE aigov_approval_nonces.statement_digest = excluded.statement_digest OR aigov_approval_nonces.expires_at_ticks <= $now
        RETURNING nonce;
        """;

    private readonly SqliteGovernanceDatabase _database;
    private readonly TimeProvider _timeProvider;
    private long _calls;

    /// <summary>Creates the ledger over <paramref name="database"/>.</summary>
    /// <param name="database">The database.</param>
    /// <param name="timeProvider">Decides which entries have expired.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public SqliteApprovalNonceLedger(SqliteGovernanceDatabase database, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _database = database;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="nonce"/> or the digest is empty.</exception>
    /// <exception cref="SqliteStorageException">The database could not be written.</exception>
    public async ValueTask<bool> TryRecordAsync(string nonce, Sha256Digest statementDigest, DateTimeOffset expiresAt,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nonce);
        if (statementDigest.IsEmpty)
        {
            throw new ArgumentException("The statement digest is empty.", nameof(statementDigest));
        }

        var now = _timeProvider.GetUtcNow();
        var purge = Interlocked.Increment(ref _calls) % SqliteStorageDefaults.NoncePurgeEvery == 0;
        var accepted = await _database.WriteAsync("record an approval nonce", async (connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = UpsertSql;
            command.Parameters.AddWithValue("$nonce", nonce);
            command.Parameters.AddWithValue("$digest", statementDigest.AsSpan().ToArray());
            command.Parameters.AddWithValue("$expires", StorageValues.Ticks(expiresAt));
            command.Parameters.AddWithValue("$now", StorageValues.Ticks(now));
            var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
            if (purge)
            {
                await PurgeAsync(connection, transaction, now, cancellationToken).ConfigureAwait(false);
            }

            return result;
        }, cancellationToken).ConfigureAwait(false);
        if (!accepted)
        {
            _database.Telemetry.NonceReplays.Add(1);
        }

        return accepted;
    }

    /// <summary>Deletes every entry whose approval has expired.</summary>
    /// <param name="cancellationToken">Cancels the purge.</param>
    /// <returns>How many entries were deleted.</returns>
    /// <exception cref="SqliteStorageException">The database could not be written.</exception>
    public async ValueTask<int> PurgeExpiredAsync(CancellationToken cancellationToken = default)
    {
        var now = _timeProvider.GetUtcNow();
        return await _database.WriteAsync("purge expired nonces",
            (connection, transaction) => PurgeAsync(connection, transaction, now, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> PurgeAsync(SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM aigov_approval_nonces WHERE expires_at_ticks <= $now;";
        command.Parameters.AddWithValue("$now", StorageValues.Ticks(now));
        var count = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        SqliteStorageLog.NoncesPurged(_database.Logger, _database.DataSource, count);
        return count;
    }
}
