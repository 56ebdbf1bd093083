using AiGovernance.Core;
using AiGovernance.Gates.Approvals;
using AiGovernance.Shared;
using Npgsql;

namespace AiGovernance.Storage.PostgreSql.Stores;

/// <summary>An <see cref="IApprovalNonceLedger"/> in a PostgreSQL database, shared by every replica that uses the database
/// and kept across restarts.</summary>
/// <remarks>The nonce is the primary key: one upsert either inserts it, confirms the same statement, or takes over an entry
/// whose approval expired; a different statement holding an unexpired entry is refused. PostgreSQL makes the second of two
/// racing inserts wait for the first to commit and then take the conflict path, so of two racing statements exactly one wins.
/// Every 1,024th call purges expired entries (an expired approval fails verification anyway). Each call is one durable transaction:
/// one round trip (bind and execute of a statement prepared once per pooled connection, autocommitted) and one WAL flush, which
/// PostgreSQL shares among concurrent callers' commits (group commit in the server), so concurrent checks need no batching here.
/// </remarks>
public sealed class PostgreSqlApprovalNonceLedger : IApprovalNonceLedger
{
    private const string UpsertSql = """
        INSERT INTO aigov_approval_nonces (nonce, statement_digest, expires_at_ticks) VALUES (@nonce, @digest, @expires)
        ON CONFLICT (nonce) DO UPDATE SET
            expires_at_ticks = CASE WHEN aigov_approval_nonces.statement_digest = excluded.statement_digest
                THEN GREATEST(aigov_approval_nonces.expires_at_ticks, excluded.expires_at_ticks) ELSE excluded.expires_at_ticks END,
            statement_digest = excluded.statement_digest
        WHERE aigov_approval_nonces.statement_digest = excluded.statement_digest OR aigov_approval_nonces.expires_at_ticks <= @now
        RETURNING nonce;
        """;

    private readonly PostgreSqlGovernanceDatabase _database;
    private readonly TimeProvider _timeProvider;
    private long _calls;

    /// <summary>Creates the ledger over <paramref name="database"/>.</summary>
    /// <param name="database">The database.</param>
    /// <param name="timeProvider">Decides which entries have expired.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public PostgreSqlApprovalNonceLedger(PostgreSqlGovernanceDatabase database, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _database = database;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="nonce"/> or the digest is empty.</exception>
    /// <exception cref="PostgreSqlStorageException">The database could not be written.</exception>
    public async ValueTask<bool> TryRecordAsync(string nonce, Sha256Digest statementDigest, DateTimeOffset expiresAt,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nonce);
        if (statementDigest.IsEmpty)
        {
            throw new ArgumentException("The statement digest is empty.", nameof(statementDigest));
        }

        var now = _timeProvider.GetUtcNow();
        var purge = Interlocked.Increment(ref _calls) % PostgreSqlStorageDefaults.NoncePurgeEvery == 0;
        // The upsert alone is atomic, so it runs as one autocommitted statement: one round trip and one durable commit
        // instead of BEGIN, upsert and COMMIT. The occasional purge shares a transaction with it.
        var accepted = purge
            ? await _database.WriteAsync("record an approval nonce", async (connection, transaction) =>
            {
                var result = await UpsertAsync(connection, transaction, nonce, statementDigest, expiresAt, now, cancellationToken)
                    .ConfigureAwait(false);
                await PurgeAsync(connection, transaction, now, cancellationToken).ConfigureAwait(false);
                return result;
            }, cancellationToken).ConfigureAwait(false)
            : await UpsertAloneAsync(nonce, statementDigest, expiresAt, now, cancellationToken).ConfigureAwait(false);
        if (!accepted)
        {
            _database.Telemetry.NonceReplays.Add(1);
        }

        return accepted;
    }

    /// <summary>Deletes every entry whose approval has expired.</summary>
    /// <param name="cancellationToken">Cancels the purge.</param>
    /// <returns>How many entries were deleted.</returns>
    /// <exception cref="PostgreSqlStorageException">The database could not be written.</exception>
    public async ValueTask<int> PurgeExpiredAsync(CancellationToken cancellationToken = default)
    {
        var now = _timeProvider.GetUtcNow();
        return await _database.WriteAsync("purge expired nonces",
            (connection, transaction) => PurgeAsync(connection, transaction, now, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> UpsertAloneAsync(string nonce, Sha256Digest statementDigest, DateTimeOffset expiresAt,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                return await UpsertAsync(connection, null, nonce, statementDigest, expiresAt, now, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                throw _database.Wrap("record an approval nonce", exception);
            }
        }
    }

    private static async Task<bool> UpsertAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string nonce,
        Sha256Digest statementDigest, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(UpsertSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("nonce", nonce));
        command.Parameters.Add(new NpgsqlParameter<byte[]>("digest", statementDigest.AsSpan().ToArray()));
        command.Parameters.Add(new NpgsqlParameter<long>("expires", StorageValues.Ticks(expiresAt)));
        command.Parameters.Add(new NpgsqlParameter<long>("now", StorageValues.Ticks(now)));
        // The hot path of every approval: prepared once per physical connection (Npgsql keeps it across pooled opens; a
        // connection that already holds it answers without a round trip), so each call is bind, execute and commit only.
        await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    private async Task<int> PurgeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand { Connection = connection };
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM aigov_approval_nonces WHERE expires_at_ticks <= @now;";
        command.Parameters.AddWithValue("@now", StorageValues.Ticks(now));
        var count = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        PostgreSqlStorageLog.NoncesPurged(_database.Logger, _database.Server, count);
        return count;
    }
}
