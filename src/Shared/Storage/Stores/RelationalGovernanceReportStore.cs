using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AiGovernance.Core.Audit;
using AiGovernance.Core.Reports;

namespace AiGovernance.Shared;

/// <summary>The report history over either SQL database, indexed by system, kind and creation time. Each report's digest is
/// appended to the audit log before the report is stored; every read recomputes the digest and refuses content that no
/// longer matches it.</summary>
internal sealed class RelationalGovernanceReportStore(IRelationalGovernanceDatabase database, IAuditLog auditLog)
{
    private const string Columns = "id, system_id, kind, created_at_ticks, content, digest, audit_sequence";

    public async ValueTask<StoredGovernanceReport> StoreAsync(GovernanceReport report, string actor, CancellationToken cancellationToken)
    {
        var auditEvent = GovernanceReportAuditEvents.CreateStoredEvent(report, actor);
        await database.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var audit = await auditLog.AppendAsync(auditEvent, cancellationToken).ConfigureAwait(false);
        var id = await database.WriteTransactionAsync("store a report", async (connection, transaction) =>
        {
            using var command = StorageCommands.Create(connection, transaction, """
                INSERT INTO aigov_reports (system_id, kind, created_at_ticks, content, digest, audit_sequence)
                VALUES (@system, @kind, @created, @content, @digest, @audit) RETURNING id;
                """);
            command.Add("@system", report.SystemId);
            command.Add("@kind", report.Kind);
            command.Add("@created", StorageValues.Ticks(report.CreatedAt));
            command.Add("@content", report.ContentJson);
            command.Add("@digest", report.Digest.ToString());
            command.Add("@audit", audit.Sequence);
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false),
                System.Globalization.CultureInfo.InvariantCulture);
        }, CancellationToken.None).ConfigureAwait(false);
        return new StoredGovernanceReport(id, report, audit.Sequence);
    }

    public async IAsyncEnumerable<StoredGovernanceReport> QueryAsync(GovernanceReportQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = StorageCommands.Create(connection, null, $"""
                SELECT {Columns} FROM aigov_reports
                WHERE system_id = @system AND (@kind IS NULL OR kind = @kind)
                  AND (@from IS NULL OR created_at_ticks >= @from) AND (@to IS NULL OR created_at_ticks < @to)
                ORDER BY created_at_ticks, id;
                """);
            command.Add("@system", query.SystemId);
            command.Add("@kind", query.Kind, DbType.String);
            command.Add("@from", query.From is { } from ? StorageValues.Ticks(from) : null, DbType.Int64);
            command.Add("@to", query.To is { } to ? StorageValues.Ticks(to) : null, DbType.Int64);
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

    public async ValueTask<StoredGovernanceReport?> GetLatestAsync(string systemId, string kind, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(systemId);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = StorageCommands.Create(connection, null, $"""
                SELECT {Columns} FROM aigov_reports WHERE system_id = @system AND kind = @kind
                ORDER BY created_at_ticks DESC, id DESC LIMIT 1;
                """);
            command.Add("@system", systemId);
            command.Add("@kind", kind);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
            }
        }
    }

    private StoredGovernanceReport Read(DbDataReader reader)
    {
        var id = reader.GetInt64(0);
        GovernanceReport report;
        using (var content = JsonDocument.Parse(reader.GetString(4)))
        {
            report = new GovernanceReport(reader.GetString(1), reader.GetString(2), StorageValues.Instant(reader.GetInt64(3)), content.RootElement);
        }

        if (!string.Equals(report.Digest.ToString(), reader.GetString(5), StringComparison.Ordinal))
        {
            throw database.DataFailure($"Report {id} in {database.StoreDescription} does not match its digest: " +
                "its content was changed after it was stored.");
        }

        return new StoredGovernanceReport(id, report, reader.GetInt64(6));
    }
}
