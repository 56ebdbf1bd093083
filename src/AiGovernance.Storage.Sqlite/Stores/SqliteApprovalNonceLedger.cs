using AiGovernance.Core;
using AiGovernance.Gates.Approvals;
using AiGovernance.Shared;

namespace AiGovernance.Storage.Sqlite.Stores;

/// <summary>An <see cref="IApprovalNonceLedger"/> in a SQLite database, shared by every process on the machine that uses the
/// file and kept across restarts.</summary>
/// <remarks>The nonce is the primary key: one upsert either inserts it, confirms the same statement, or takes over an entry
/// whose approval expired; a different statement holding an unexpired entry is refused. SQLite serialises writers, so of
/// two racing statements exactly one wins. Every 1,024th call purges expired entries (an expired approval fails verification
/// anyway). Each call is one durable transaction.</remarks>
public sealed class SqliteApprovalNonceLedger : IApprovalNonceLedger
{
    private readonly RelationalApprovalNonceLedger _ledger;

    /// <summary>Creates the ledger over <paramref name="database"/>.</summary>
    /// <param name="database">The database.</param>
    /// <param name="timeProvider">Decides which entries have expired.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public SqliteApprovalNonceLedger(SqliteGovernanceDatabase database, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _ledger = new RelationalApprovalNonceLedger(database, timeProvider, SqliteStorageDefaults.NoncePurgeEvery);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="nonce"/> or the digest is empty.</exception>
    /// <exception cref="SqliteStorageException">The database could not be written.</exception>
    public ValueTask<bool> TryRecordAsync(string nonce, Sha256Digest statementDigest, DateTimeOffset expiresAt,
        CancellationToken cancellationToken = default) =>
        _ledger.TryRecordAsync(nonce, statementDigest, expiresAt, cancellationToken);

    /// <summary>Deletes every entry whose approval has expired.</summary>
    /// <param name="cancellationToken">Cancels the purge.</param>
    /// <returns>How many entries were deleted.</returns>
    /// <exception cref="SqliteStorageException">The database could not be written.</exception>
    public ValueTask<int> PurgeExpiredAsync(CancellationToken cancellationToken = default) => _ledger.PurgeExpiredAsync(cancellationToken);
}
