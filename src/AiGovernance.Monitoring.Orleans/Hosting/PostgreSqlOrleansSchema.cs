using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AiGovernance.Monitoring.Orleans.Hosting;

/// <summary>Creates the tables Orleans' ADO.NET providers need in a PostgreSQL database, from Orleans' own scripts.</summary>
/// <remarks>
/// <para>The scripts are Orleans' <c>PostgreSQL-Main.sql</c>, <c>PostgreSQL-Clustering.sql</c>,
/// <c>PostgreSQL-Persistence.sql</c> and <c>PostgreSQL-Reminders.sql</c> (MIT, dotnet/orleans, src/AdoNet, commit
/// e558829b), embedded unchanged. Each is applied only when its table is missing, inside one transaction holding a
/// PostgreSQL advisory lock, so silos starting together apply each script once; a database an administrator prepared is
/// left alone.</para>
/// </remarks>
public static class PostgreSqlOrleansSchema
{
    private const long AdvisoryLock = 0x4149_476F_7644_7231; // "AIGovDr1"

    private static readonly (string Table, string Script)[] Scripts =
    [
        ("orleansquery", "PostgreSQL-Main.sql"),
        ("orleansmembershiptable", "PostgreSQL-Clustering.sql"),
        ("orleansstorage", "PostgreSQL-Persistence.sql"),
        ("orleansreminderstable", "PostgreSQL-Reminders.sql"),
    ];

    /// <summary>Applies each Orleans script whose table is missing.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="logger">Logs each script applied; none when null.</param>
    /// <param name="cancellationToken">Cancels the work (the transaction rolls back).</param>
    /// <returns>The names of the scripts applied (empty when the database was ready).</returns>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is empty.</exception>
    /// <exception cref="NpgsqlException">The database cannot be reached or a script fails (nothing is applied).</exception>
    public static async Task<IReadOnlyList<string>> EnsureCreatedAsync(string connectionString, ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        logger ??= NullLogger.Instance;
        var applied = new List<string>();
        var connection = new NpgsqlConnection(connectionString);
        await using var connectionScope = connection.ConfigureAwait(false);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);
        using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", AdvisoryLock);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var (table, script) in Scripts)
        {
            using var exists = new NpgsqlCommand("SELECT to_regclass(@name) IS NOT NULL", connection, transaction);
            exists.Parameters.AddWithValue("name", table);
            if ((bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                continue;
            }

            using var apply = new NpgsqlCommand(ReadScript(script), connection, transaction);
            await apply.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            applied.Add(script);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        foreach (var script in applied)
        {
            OrleansMonitoringLog.SchemaApplied(logger, script);
        }

        return applied;
    }

    private static string ReadScript(string name)
    {
        using var stream = typeof(PostgreSqlOrleansSchema).Assembly.GetManifestResourceStream($"AiGovernance.Monitoring.Orleans.Sql.{name}")
            ?? throw new InvalidOperationException($"The embedded script {name} is missing from the package.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
