using AiGovernance.Core.Audit;
using AiGovernance.Storage.PostgreSql.Stores;
using Npgsql;
using static AiGovernance.Storage.Contract.ContractTime;

namespace AiGovernance.Storage.PostgreSql.Tests;

public sealed class PostgreSqlSchemaTests
{
    private static async Task<List<string>> QueryAsync(PostgresTestDatabase db, string sql)
    {
        await using var connection = db.OpenRaw();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return rows;
    }

    private static Task<List<string>> VersionsAsync(PostgresTestDatabase db) =>
        QueryAsync(db, "SELECT version FROM aigov_schema_migrations ORDER BY version;");

    /// <summary>Every column (table, name, type, nullability, collation) and every index definition.</summary>
    private static async Task<List<string>> ShapeAsync(PostgresTestDatabase db) =>
    [
        .. await QueryAsync(db, """
            SELECT table_name || '.' || column_name || ':' || data_type || ':' || is_nullable || ':' || COALESCE(collation_name, '')
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name LIKE 'aigov_%' ORDER BY table_name, column_name;
            """),
        .. await QueryAsync(db, "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename LIKE 'aigov_%' ORDER BY indexname;"),
    ];

    [Fact]
    public async Task FreshDatabase_IsCreatedAtTheCurrentVersion()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();

        await using var database = db.Open();
        await database.InitializeAsync(Ct);

        Assert.Equal(["1", "2"], await VersionsAsync(db));
    }

    [Fact]
    public async Task ReplicasStartingTogether_MigrateOnce()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();

        var replicas = Enumerable.Range(0, 6).Select(_ => db.Open()).ToArray();
        await Task.WhenAll(replicas.Select(r => r.InitializeAsync(Ct)));

        Assert.Equal(["1", "2"], await VersionsAsync(db));
        foreach (var replica in replicas)
        {
            await replica.DisposeAsync();
        }
    }

    [Fact]
    public async Task DatabaseAtThePreviousVersion_IsMigrated_KeepingItsData()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var old = db.Open();
        await old.MigrateAsync(targetVersion: 1);
        var kept = await new PostgreSqlAuditLog(old, TimeProvider.System).AppendAsync(new AuditEvent("before.upgrade", "ops"), Ct);

        await using var upgraded = db.Open();
        await upgraded.InitializeAsync(Ct);

        Assert.Equal(["1", "2"], await VersionsAsync(db));
        var records = new List<AuditRecord>();
        await foreach (var r in new PostgreSqlAuditLog(upgraded, TimeProvider.System).ReadAsync(1, Ct))
        {
            records.Add(r);
        }

        Assert.Equal(kept.Hash, Assert.Single(records).Hash);
        Assert.Null(await new PostgreSqlRolloutStateStore(upgraded).GetAsync("any", Ct));
    }

    [Fact]
    public async Task NewerSchema_IsRefused_NamingBothVersions()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using (var first = db.Open())
        {
            await first.InitializeAsync(Ct);
        }

        await QueryAsync(db, "INSERT INTO aigov_schema_migrations (version, description, applied_at) VALUES (7, 'from the future', 'x') RETURNING version;");

        await using var later = db.Open();
        var error = await Assert.ThrowsAsync<PostgreSqlStorageException>(() => later.InitializeAsync(Ct));

        Assert.Contains("schema version 7", error.Message, StringComparison.Ordinal);
        Assert.Contains("version 2", error.Message, StringComparison.Ordinal);
        Assert.Contains(db.Name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SchemaScript_ForDbas_GivesTheSameSchemaAsTheMigrations()
    {
        await using var migrated = await PostgresTestDatabase.CreateAsync();
        await using (var database = migrated.Open())
        {
            await database.InitializeAsync(Ct);
        }

        await using var byHand = await PostgresTestDatabase.CreateAsync();
        await QueryAsync(byHand, await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "sql", "AiGovernance.Storage.PostgreSql", "schema.sql"), Ct) + "\nSELECT 1;");
        await using (var database = byHand.Open())
        {
            await database.InitializeAsync(Ct);
        }

        Assert.Equal(await ShapeAsync(migrated), await ShapeAsync(byHand));
        Assert.Equal(await VersionsAsync(migrated), await VersionsAsync(byHand));
        Assert.Contains("aigov_inventory.system_id:text:NO:C", await ShapeAsync(migrated));
    }
}
