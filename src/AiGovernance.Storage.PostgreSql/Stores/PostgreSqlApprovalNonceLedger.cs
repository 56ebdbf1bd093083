using AiGovernance.Core;
using AiGovernance.Gates.Approvals;
using AiGovernance.Shared;

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
    private readonly RelationalApprovalNonceLedger _ledger;

    /// <summary>Creates the ledger over <paramref name="database"/>.</summary>
    /// <param name="database">The database.</param>
    /// <param name="timeProvider">Decides which entries have expired.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public PostgreSqlApprovalNonceLedger(PostgreSqlGovernanceDatabase database, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _ledger = new RelationalApprovalNonceLedger(database, timeProvider, PostgreSqlStorageDefaults.NoncePurgeEvery);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="nonce"/> or the digest is empty.</exception>
    /// <exception cref="PostgreSqlStorageException">The database could not be written.</exception>
    public ValueTask<bool> TryRecordAsync(string nonce, Sha256Digest statementDigest, DateTimeOffset expiresAt,
        CancellationToken cancellationToken = default) =>
        _ledger.TryRecordAsync(nonce, statementDigest, expiresAt, cancellationToken);

    /// <summary>Deletes every entry whose approval has expired.</summary>
    /// <param name="cancellationToken">Cancels the purge.</param>
    /// <returns>How many entries were deleted.</returns>
    /// <exception cref="PostgreSqlStorageException">The database could not be written.</exception>
    public ValueTask<int> PurgeExpiredAsync(CancellationToken cancellationToken = default) => _ledger.PurgeExpiredAsync(cancellationToken);
}
