using System.Data.Common;
using System.Globalization;

namespace AiGovernance.Shared;

/// <summary>The schema migration both storage packages run inside their own serialised transaction (SQLite's
/// <c>BEGIN IMMEDIATE</c>, PostgreSQL's advisory lock): record table, version check, missing migrations in order.</summary>
internal static class StorageMigrator
{
    /// <summary>Creates <c>aigov_schema_migrations</c> when missing, refuses a schema newer than
    /// <paramref name="schemaVersion"/> with the exception <paramref name="newerSchema"/> makes of the stored version, and
    /// applies and records every migration above the stored version up to <paramref name="targetVersion"/>.</summary>
    /// <returns>The schema version after.</returns>
    public static async Task<int> ApplyAsync(DbConnection connection, DbTransaction transaction,
        IReadOnlyList<StorageMigration> migrations, int schemaVersion, int targetVersion, string versionColumnType, TimeProvider timeProvider,
        Func<int, Exception> newerSchema, Action<StorageMigration> applied)
    {
        await ExecuteAsync(connection, transaction, $"""
            CREATE TABLE IF NOT EXISTS aigov_schema_migrations (
                version {versionColumnType},
                description TEXT NOT NULL,
                applied_at TEXT NOT NULL
            );
            """).ConfigureAwait(false);
        using var read = StorageCommands.Create(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM aigov_schema_migrations;");
        var current = Convert.ToInt32(await read.ExecuteScalarAsync().ConfigureAwait(false), CultureInfo.InvariantCulture);
        if (current > schemaVersion)
        {
            throw newerSchema(current);
        }

        foreach (var migration in migrations)
        {
            if (migration.Version <= current || migration.Version > targetVersion)
            {
                continue;
            }

            await ExecuteAsync(connection, transaction, migration.Sql).ConfigureAwait(false);
            using var record = StorageCommands.Create(connection, transaction,
                "INSERT INTO aigov_schema_migrations (version, description, applied_at) VALUES (@v, @d, @t);");
            record.Add("@v", migration.Version);
            record.Add("@d", migration.Description);
            record.Add("@t", timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            await record.ExecuteNonQueryAsync().ConfigureAwait(false);
            applied(migration);
        }

        return Math.Max(current, Math.Min(targetVersion, schemaVersion));
    }

    /// <summary>Runs one statement (or script) with no parameters.</summary>
    public static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql)
    {
        using var command = StorageCommands.Create(connection, transaction, sql);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
