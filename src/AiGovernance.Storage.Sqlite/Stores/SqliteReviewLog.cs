using AiGovernance.Oversight.Review;
using AiGovernance.Shared;

namespace AiGovernance.Storage.Sqlite.Stores;

/// <summary>An <see cref="IReviewLog"/> in a SQLite database: appends from any process on the machine, reads streamed in
/// append order with constant memory.</summary>
/// <remarks>Concurrent appends are committed together (group commit); each completes after its durable commit. Reading
/// runs one query over the table's primary key and yields each row as it is read, so 10 million reviews are analysed in
/// bounded memory. The logic is shared with the other SQL storage package; this type names the database and
/// the exceptions.</remarks>
public sealed class SqliteReviewLog : IReviewLog
{
    private readonly RelationalReviewLog _log;

    /// <summary>Creates the log over <paramref name="database"/>.</summary>
    /// <param name="database">The database.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is null.</exception>
    public SqliteReviewLog(SqliteGovernanceDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _log = new RelationalReviewLog(database);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="SqliteStorageException">The database could not be written; the review was not stored.</exception>
    public ValueTask AppendAsync(ReviewRecord record, CancellationToken cancellationToken = default) =>
        _log.AppendAsync(record, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="SqliteStorageException">The database could not be read.</exception>
    public IAsyncEnumerable<ReviewRecord> ReadAsync(CancellationToken cancellationToken = default) => _log.ReadAsync(cancellationToken);
}
