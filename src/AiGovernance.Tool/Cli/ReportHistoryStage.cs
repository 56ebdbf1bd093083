using System.Text.Json;
using AiGovernance.Core.Audit;
using AiGovernance.Core.Reports;
using AiGovernance.Storage.PostgreSql;
using AiGovernance.Storage.PostgreSql.Stores;
using AiGovernance.Storage.Sqlite;
using AiGovernance.Storage.Sqlite.Stores;

namespace AiGovernance.Samples.DriftJob.Cli;

/// <summary>Keeps the run's JSON report in a governance database's report history (<c>--store</c>): SQLite for a path or a
/// <c>Data Source=</c> string, PostgreSQL for a <c>Host=</c> string. The report's digest is appended to that database's
/// audit log first, so the history can be checked against the chain.</summary>
internal static class ReportHistoryStage
{
    public static async Task<StoredGovernanceReport> StoreAsync(string store, string systemId, string reportJsonPath, TimeProvider time,
        CancellationToken cancellationToken)
    {
        using var content = JsonDocument.Parse(await File.ReadAllBytesAsync(reportJsonPath, cancellationToken));
        var report = new GovernanceReport(systemId, GovernanceReportKinds.Drift, time.GetUtcNow(), content.RootElement);
        if (store.TrimStart().StartsWith("Host=", StringComparison.OrdinalIgnoreCase))
        {
            await using var database = new PostgreSqlGovernanceDatabase(new PostgreSqlStorageOptions { ConnectionString = store }, time);
            IAuditLog audit = new PostgreSqlAuditLog(database, time);
            return await new PostgreSqlGovernanceReportStore(database, audit).StoreAsync(report, "drift-job", cancellationToken);
        }

        var connection = store.Contains('=', StringComparison.Ordinal) ? store : "Data Source=" + store;
        var sqlite = new SqliteGovernanceDatabase(new SqliteStorageOptions { ConnectionString = connection }, time);
        try
        {
            return await new SqliteGovernanceReportStore(sqlite, new SqliteAuditLog(sqlite, time)).StoreAsync(report, "drift-job", cancellationToken);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }
}
