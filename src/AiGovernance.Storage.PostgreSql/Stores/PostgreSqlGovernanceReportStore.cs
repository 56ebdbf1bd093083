using System.Runtime.CompilerServices;
using System.Text.Json;
using AiGovernance.Core.Audit;
using AiGovernance.Core.Reports;
using AiGovernance.Shared;
using Npgsql;

namespace AiGovernance.Storage.PostgreSql.Stores;

/// <summary>An <see cref="IGovernanceReportStore"/> in a PostgreSQL database, indexed by system, kind and creation time.</summary>
/// <remarks>Each report's digest is appended to the audit log before the report is stored. Reading recomputes every
/// report's digest and fails with <see cref="PostgreSqlStorageException"/> when the stored content no longer matches the stored
/// digest (an edit made with direct SQL access; a consistent edit of both is caught by the audit record).</remarks>
public sealed class PostgreSqlGovernanceReportStore : IGovernanceReportStore
{
    private const string Columns = "id, system_id, kind, created_at_ticks, content, digest, audit_sequence";
    private readonly PostgreSqlGovernanceDatabase _database;
    private readonly IAuditLog _auditLog;

    /// <summary>Creates the store over <paramref name="database"/>.</summary>
    /// <param name="database">The database.</param>
    /// <param name="auditLog">Receives each report's digest.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public PostgreSqlGovernanceReportStore(PostgreSqlGovernanceDatabase database, IAuditLog auditLog)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(auditLog);
        _database = database;
        _auditLog = auditLog;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="actor"/> is empty.</exception>
    /// <exception cref="PostgreSqlStorageException">The database could not be written.</exception>
    public async ValueTask<StoredGovernanceReport> StoreAsync(GovernanceReport report, string actor, CancellationToken cancellationToken = default)
    {
        var auditEvent = GovernanceReportAuditEvents.CreateStoredEvent(report, actor);
        await _database.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var audit = await _auditLog.AppendAsync(auditEvent, cancellationToken).ConfigureAwait(false);
        var id = await _database.WriteAsync("store a report", async (connection, transaction) =>
        {
            using var command = new NpgsqlCommand { Connection = connection };
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO aigov_reports (system_id, kind, created_at_ticks, content, digest, audit_sequence)
                VALUES (@system, @kind, @created, @content, @digest, @audit) RETURNING id;
                """;
            command.Parameters.AddWithValue("@system", report.SystemId);
            command.Parameters.AddWithValue("@kind", report.Kind);
            command.Parameters.AddWithValue("@created", StorageValues.Ticks(report.CreatedAt));
            command.Parameters.AddWithValue("@content", report.ContentJson);
            command.Parameters.AddWithValue("@digest", report.Digest.ToString());
            command.Parameters.AddWithValue("@audit", audit.Sequence);
            return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }, CancellationToken.None).ConfigureAwait(false);
        return new StoredGovernanceReport(id, report, audit.Sequence);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    /// <exception cref="ArgumentException">The query is invalid.</exception>
    /// <exception cref="PostgreSqlStorageException">The database could not be read, or a report no longer matches its digest.</exception>
    public async IAsyncEnumerable<StoredGovernanceReport> QueryAsync(GovernanceReportQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = new NpgsqlCommand { Connection = connection };
            command.CommandText = $"""
                SELECT {Columns} FROM aigov_reports
                WHERE system_id = @system AND (@kind IS NULL OR kind = @kind)
                  AND (@from IS NULL OR created_at_ticks >= @from) AND (@to IS NULL OR created_at_ticks < @to)
                ORDER BY created_at_ticks, id;
                """;
            command.Parameters.AddWithValue("@system", query.SystemId);
            command.Parameters.Add(new NpgsqlParameter("kind", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)query.Kind ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("from", NpgsqlTypes.NpgsqlDbType.Bigint)
            {
                Value = query.From is { } from ? StorageValues.Ticks(from) : DBNull.Value,
            });
            command.Parameters.Add(new NpgsqlParameter("to", NpgsqlTypes.NpgsqlDbType.Bigint)
            {
                Value = query.To is { } to ? StorageValues.Ticks(to) : DBNull.Value,
            });
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    yield return Read(reader);
                }
            }
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">An argument is empty.</exception>
    /// <exception cref="PostgreSqlStorageException">The database could not be read, or the report no longer matches its digest.</exception>
    public async ValueTask<StoredGovernanceReport?> GetLatestAsync(string systemId, string kind, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(systemId);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = new NpgsqlCommand { Connection = connection };
            command.CommandText = $"""
                SELECT {Columns} FROM aigov_reports WHERE system_id = @system AND kind = @kind
                ORDER BY created_at_ticks DESC, id DESC LIMIT 1;
                """;
            command.Parameters.AddWithValue("@system", systemId);
            command.Parameters.AddWithValue("@kind", kind);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
            }
        }
    }

    private StoredGovernanceReport Read(NpgsqlDataReader reader)
    {
        var id = reader.GetInt64(0);
        GovernanceReport report;
        using (var content = JsonDocument.Parse(reader.GetString(4)))
        {
            report = new GovernanceReport(reader.GetString(1), reader.GetString(2), StorageValues.Instant(reader.GetInt64(3)), content.RootElement);
        }

        if (!string.Equals(report.Digest.ToString(), reader.GetString(5), StringComparison.Ordinal))
        {
            throw new PostgreSqlStorageException(
                $"Report {id} in the PostgreSQL governance store {_database.Server} does not match its digest: " +
                    "its content was changed after it was stored.");
        }

        return new StoredGovernanceReport(id, report, reader.GetInt64(6));
    }
}
