using AiGovernance.Core.Audit;
using AiGovernance.Storage.Sqlite.Stores;
using Microsoft.Data.Sqlite;
using static AiGovernance.Storage.Contract.ContractTime;

namespace AiGovernance.Storage.Sqlite.Tests;

public sealed class SqliteSchemaTests
{
    private static List<string> Versions(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM aigov_schema_migrations ORDER BY version;";
        using var reader = command.ExecuteReader();
        var versions = new List<string>();
        while (reader.Read())
        {
            versions.Add(reader.GetInt32(0).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return versions;
    }

    /// <summary>Every table with its columns (name, declared type, not-null, primary key) and every index.</summary>
    private static List<string> Shape(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT m.type || ' ' || m.name || ' ' || COALESCE(group_concat(c.name || ':' || c.type || ':' || c."notnull" || ':' || c.pk, ','), '')
            FROM sqlite_master m LEFT JOIN pragma_table_info(m.name) c ON m.type = 'table'
            WHERE m.name LIKE 'aigov_%' OR m.name LIKE 'ix_aigov_%' GROUP BY m.type, m.name ORDER BY m.type, m.name;
            """;
        using var reader = command.ExecuteReader();
        var shape = new List<string>();
        while (reader.Read())
        {
            shape.Add(reader.GetString(0));
        }

        return shape;
    }

    [Fact]
    public async Task FreshDatabase_IsCreatedAtTheCurrentVersion()
    {
        using var db = new SqliteTestDatabase();

        await db.Open().InitializeAsync(Ct);

        using var raw = db.OpenRaw();
        Assert.Equal(["1", "2"], Versions(raw));
        Assert.Equal(2, SqliteGovernanceDatabase.SchemaVersion);
        using var mode = raw.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string)mode.ExecuteScalar()!);
    }

    [Fact]
    public async Task DatabaseAtThePreviousVersion_IsMigrated_KeepingItsData()
    {
        using var db = new SqliteTestDatabase();
        var old = db.Open();
        await old.MigrateAsync(targetVersion: 1);
        var audit = new SqliteAuditLog(old, TimeProvider.System);
        var kept = await audit.AppendAsync(new AuditEvent("before.upgrade", "ops"), Ct);

        var upgraded = db.Open();
        await upgraded.InitializeAsync(Ct);

        using var raw = db.OpenRaw();
        Assert.Equal(["1", "2"], Versions(raw));
        var records = new List<AuditRecord>();
        await foreach (var r in new SqliteAuditLog(upgraded, TimeProvider.System).ReadAsync(1, Ct))
        {
            records.Add(r);
        }

        Assert.Equal(kept.Hash, Assert.Single(records).Hash);
        Assert.Null(await new SqliteRolloutStateStore(upgraded).GetAsync("any", Ct));
    }

    [Fact]
    public async Task NewerSchema_IsRefused_NamingBothVersions()
    {
        using var db = new SqliteTestDatabase();
        await db.Open().InitializeAsync(Ct);
        using (var raw = db.OpenRaw())
        using (var command = raw.CreateCommand())
        {
            command.CommandText = "INSERT INTO aigov_schema_migrations (version, description, applied_at) VALUES (7, 'from the future', 'x');";
            command.ExecuteNonQuery();
        }

        var error = await Assert.ThrowsAsync<SqliteStorageException>(() => db.Open().InitializeAsync(Ct));

        Assert.Contains("schema version 7", error.Message, StringComparison.Ordinal);
        Assert.Contains("version 2", error.Message, StringComparison.Ordinal);
        Assert.Contains(db.Path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SchemaScript_ForDbas_GivesTheSameSchemaAsTheMigrations()
    {
        using var migrated = new SqliteTestDatabase();
        await migrated.Open().InitializeAsync(Ct);
        using var byHand = new SqliteTestDatabase();
        using (var raw = byHand.OpenRaw())
        using (var command = raw.CreateCommand())
        {
            command.CommandText = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "sql", "AiGovernance.Storage.Sqlite", "schema.sql"), Ct);
            command.ExecuteNonQuery();
        }

        await byHand.Open().InitializeAsync(Ct);   // finds every migration recorded and changes nothing

        using var a = migrated.OpenRaw();
        using var b = byHand.OpenRaw();
        Assert.Equal(Shape(a), Shape(b));
        Assert.Equal(Versions(a), Versions(b));
        Assert.Contains(Shape(a), s => s.StartsWith("table aigov_audit_records sequence:INTEGER:1:1", StringComparison.Ordinal));
    }
}
