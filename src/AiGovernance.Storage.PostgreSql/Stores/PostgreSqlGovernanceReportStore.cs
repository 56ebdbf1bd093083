using AiGovernance.Core.Audit;
using AiGovernance.Core.Reports;
using AiGovernance.Shared;

namespace AiGovernance.Storage.PostgreSql.Stores;

/// <summary>An <see cref="IGovernanceReportStore"/> in a PostgreSQL database, indexed by system, kind and creation time.</summary>
/// <remarks>Each report's digest is appended to the audit log before the report is stored. Reading recomputes every
/// report's digest and fails with <see cref="PostgreSqlStorageException"/> when the stored content no longer matches the stored
/// digest (an edit made with direct SQL access; a consistent edit of both is caught by the audit record).</remarks>
public sealed class PostgreSqlGovernanceReportStore : IGovernanceReportStore
{
    private readonly RelationalGovernanceReportStore _store;

    /// <summary>Creates the store over <paramref name="database"/>.</summary>
    /// <param name="database">The database.</param>
    /// <param name="auditLog">Receives each report's digest.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public PostgreSqlGovernanceReportStore(PostgreSqlGovernanceDatabase database, IAuditLog auditLog)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(auditLog);
        _store = new RelationalGovernanceReportStore(database, auditLog);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="actor"/> is empty.</exception>
    /// <exception cref="PostgreSqlStorageException">The database could not be written.</exception>
    public ValueTask<StoredGovernanceReport> StoreAsync(GovernanceReport report, string actor, CancellationToken cancellationToken = default) =>
        _store.StoreAsync(report, actor, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    /// <exception cref="ArgumentException">The query is invalid.</exception>
    /// <exception cref="PostgreSqlStorageException">The database could not be read, or a report no longer matches its digest.</exception>
    public IAsyncEnumerable<StoredGovernanceReport> QueryAsync(GovernanceReportQuery query, CancellationToken cancellationToken = default) =>
        _store.QueryAsync(query, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="ArgumentException">An argument is empty.</exception>
    /// <exception cref="PostgreSqlStorageException">The database could not be read, or the report no longer matches its digest.</exception>
    public ValueTask<StoredGovernanceReport?> GetLatestAsync(string systemId, string kind, CancellationToken cancellationToken = default) =>
        _store.GetLatestAsync(systemId, kind, cancellationToken);
}
