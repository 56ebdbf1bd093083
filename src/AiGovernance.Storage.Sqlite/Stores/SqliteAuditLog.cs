using AiGovernance.Core.Audit;
using AiGovernance.Shared;

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
/// <para>The chain logic is shared with the other SQL storage package; this type names the database and the exceptions.</para>
/// </remarks>
public sealed class SqliteAuditLog : IAuditLog
{
    private readonly RelationalAuditLog _log;

    /// <summary>Creates the log over <paramref name="database"/>.</summary>
    /// <param name="database">The database.</param>
    /// <param name="timeProvider">Stamps records.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public SqliteAuditLog(SqliteGovernanceDatabase database, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _log = new RelationalAuditLog(database, timeProvider);
    }

    /// <inheritdoc />
    public AuditCheckpoint Head => _log.Head;

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="auditEvent"/> is null.</exception>
    /// <exception cref="SqliteStorageException">The database could not be written; the event was not appended.</exception>
    public ValueTask<AuditRecord> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default) =>
        _log.AppendAsync(auditEvent, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="SqliteStorageException">The database could not be read.</exception>
    public IAsyncEnumerable<AuditRecord> ReadAsync(long fromSequence = 1, CancellationToken cancellationToken = default) =>
        _log.ReadAsync(fromSequence, cancellationToken);

    /// <inheritdoc />
    public ValueTask<AuditVerificationResult> VerifyAsync(CancellationToken cancellationToken = default) => _log.VerifyAsync(cancellationToken);
}
