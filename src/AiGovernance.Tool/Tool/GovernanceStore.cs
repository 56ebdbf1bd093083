using AiGovernance.Core.Audit;
using AiGovernance.Core.Reports;
using AiGovernance.Gates.Inventory;
using AiGovernance.Samples.DriftJob.Data;
using AiGovernance.Storage.PostgreSql;
using AiGovernance.Storage.PostgreSql.Stores;
using AiGovernance.Storage.Sqlite;
using AiGovernance.Storage.Sqlite.Stores;
using Microsoft.Data.Sqlite;

namespace AiGovernance.Tool;

/// <summary>The stores of one governance database the tool reads: a SQLite file (or "Data Source=…") or a PostgreSQL
/// "Host=…" connection string. The connection string may hold a password: it is never echoed.</summary>
internal sealed class GovernanceStore
{
    private GovernanceStore(string described, IAuditLog auditLog, IGovernanceReportStore reports, IAiInventory inventory)
    {
        Described = described;
        AuditLog = auditLog;
        Reports = reports;
        Inventory = inventory;
    }

    /// <summary>What the store is, safe to print (a file path, or "the PostgreSQL database").</summary>
    public string Described { get; }

    public IAuditLog AuditLog { get; }

    public IGovernanceReportStore Reports { get; }

    public IAiInventory Inventory { get; }

    /// <summary>Opens the database and runs <paramref name="use"/> over its stores; a store that cannot be read is bad input
    /// (<see cref="DriftJobInputException"/>, exit 2), never a crash.</summary>
    public static async Task<T> UseAsync<T>(string store, TimeProvider time, Func<GovernanceStore, Task<T>> use)
    {
        store = store.Trim();
        if (store.StartsWith("Host=", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                await using var database = new PostgreSqlGovernanceDatabase(new PostgreSqlStorageOptions { ConnectionString = store }, time);
                var log = new PostgreSqlAuditLog(database, time);
                return await use(new GovernanceStore("the PostgreSQL database", log, new PostgreSqlGovernanceReportStore(database, log),
                    new PostgreSqlAiInventory(database)));
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or Storage.PostgreSql.PostgreSqlStorageException or ArgumentException)
            {
                throw new DriftJobInputException($"Cannot read the PostgreSQL governance database: {ex.Message}", ex);
            }
        }

        SqliteConnectionStringBuilder connection;
        try
        {
            connection = new SqliteConnectionStringBuilder(store.Contains('=', StringComparison.Ordinal) ? store : "Data Source=" + store);
        }
        catch (ArgumentException ex)
        {
            throw new DriftJobInputException($"'{store}' is neither a file nor a SQLite connection string: {ex.Message}", ex);
        }

        if (!File.Exists(connection.DataSource))
        {
            throw new DriftJobInputException($"The governance database '{connection.DataSource}' does not exist.");
        }

        try
        {
            var database = new SqliteGovernanceDatabase(new SqliteStorageOptions { ConnectionString = connection.ConnectionString }, time);
            var log = new SqliteAuditLog(database, time);
            return await use(new GovernanceStore(connection.DataSource, log, new SqliteGovernanceReportStore(database, log),
                new SqliteAiInventory(database)));
        }
        catch (Exception ex) when (ex is SqliteException or Storage.Sqlite.SqliteStorageException)
        {
            throw new DriftJobInputException($"Cannot read the SQLite governance database '{connection.DataSource}': {ex.Message}", ex);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }
}
