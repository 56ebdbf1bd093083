using System.ComponentModel;
using AiGovernance.Core.Audit;
using AiGovernance.Samples.DriftJob.Cli;
using AiGovernance.Samples.DriftJob.Data;
using AiGovernance.Storage.PostgreSql;
using AiGovernance.Storage.PostgreSql.Stores;
using AiGovernance.Storage.Sqlite;
using AiGovernance.Storage.Sqlite.Stores;
using Microsoft.Data.Sqlite;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AiGovernance.Tool;

/// <summary><c>aigov verify-audit &lt;LOG&gt;</c>: verifies an audit log's hash chain with Core's verification
/// (<see cref="FileAuditLog.VerifyFileAsync"/>, or the store's <see cref="IAuditLog.VerifyAsync"/>).</summary>
internal sealed class VerifyAuditCommand(IAnsiConsole console, TimeProvider timeProvider) : AsyncCommand<VerifyAuditCommand.Settings>
{
    /// <summary>Exit code of a chain that does not verify.</summary>
    public const int ExitBroken = 1;

    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (described, result) = await VerifyAsync(settings.Log.Trim(), timeProvider, cancellationToken);
        if (result.IsValid)
        {
            console.MarkupLine($"[green bold]Audit chain verified[/]: {result.VerifiedCount:N0} record(s) in {Shown.Markup(described)}");
            return 0;
        }

        console.MarkupLine($"[red bold]Audit chain BROKEN[/] in {Shown.Markup(described)} at record {result.FirstInvalidSequence}: "
            + $"{result.Failure} — {Shown.Markup(result.Message)} ({result.VerifiedCount:N0} record(s) verified before it)");
        return ExitBroken;
    }

    internal static async Task<(string Described, AuditVerificationResult Result)> VerifyAsync(string log, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (log.StartsWith("Host=", StringComparison.OrdinalIgnoreCase))
        {
            // The connection string may hold a password: it is never echoed.
            try
            {
                await using var database = new PostgreSqlGovernanceDatabase(new PostgreSqlStorageOptions { ConnectionString = log }, time);
                return ("the PostgreSQL database", await new PostgreSqlAuditLog(database, time).VerifyAsync(cancellationToken));
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or ArgumentException or InvalidOperationException)
            {
                throw new DriftJobInputException($"Cannot read the PostgreSQL audit log: {ex.Message}", ex);
            }
        }

        string dataSource;
        if (log.Contains('=', StringComparison.Ordinal))
        {
            try
            {
                dataSource = new SqliteConnectionStringBuilder(log).DataSource;
            }
            catch (ArgumentException ex)
            {
                throw new DriftJobInputException($"'{log}' is neither a file nor a SQLite connection string: {ex.Message}", ex);
            }
        }
        else
        {
            dataSource = log;
        }

        if (!File.Exists(dataSource))
        {
            throw new DriftJobInputException($"The audit log '{dataSource}' does not exist.");
        }

        if (!IsSqlite(dataSource))
        {
            try
            {
                return (dataSource, await FileAuditLog.VerifyFileAsync(dataSource, cancellationToken: cancellationToken));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new DriftJobInputException($"Cannot read the audit log '{dataSource}': {ex.Message}", ex);
            }
        }

        // Opened as the store opens it (it may bring an older schema up to date); verification itself only reads.
        var connection = new SqliteConnectionStringBuilder(log.Contains('=', StringComparison.Ordinal) ? log : "Data Source=" + log);
        try
        {
            var database = new SqliteGovernanceDatabase(new SqliteStorageOptions { ConnectionString = connection.ConnectionString }, time);
            return (dataSource, await new SqliteAuditLog(database, time).VerifyAsync(cancellationToken));
        }
        catch (Exception ex) when (ex is SqliteException or Storage.Sqlite.SqliteStorageException)
        {
            throw new DriftJobInputException($"Cannot read the audit log in the SQLite database '{dataSource}': {ex.Message}", ex);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private static bool IsSqlite(string path)
    {
        Span<byte> header = stackalloc byte[16];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length && header.SequenceEqual(SqliteHeader);
    }

    /// <summary>The command line of <c>aigov verify-audit</c>.</summary>
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<LOG>")]
        [Description("A JSON-lines audit file, a SQLite governance database (a file or \"Data Source=…\") or a PostgreSQL connection string " +
            "(\"Host=…\").")]
        public string Log { get; set; } = string.Empty;

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Log) ? ValidationResult.Error("verify-audit needs an audit file or a connection string.")
                : ValidationResult.Success();
    }
}
