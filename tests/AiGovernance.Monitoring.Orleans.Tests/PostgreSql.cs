using Npgsql;

namespace AiGovernance.Monitoring.Orleans.Tests;

/// <summary>The PostgreSQL server CI starts (<c>eng/postgres.sh</c>, <c>AIGOV_POSTGRES</c>): each test gets a database of
/// its own, dropped afterwards. Without the variable a test is skipped with the reason shown — except under CI=true,
/// where it fails.</summary>
internal static class PostgreSql
{
    public const string Variable = "AIGOV_POSTGRES";

    public static string AdminConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{Variable} is not set, and CI=true: .ci/run must start PostgreSQL (eng/postgres.sh) for the Orleans storage tests.");
        }

        Assert.Skip($"{Variable} is not set: run `eval \"$(eng/postgres.sh start)\"` to run the PostgreSQL tests locally.");
        return string.Empty;
    }

    public static async Task<TemporaryDatabase> CreateDatabaseAsync(string prefix)
    {
        var admin = AdminConnectionString();
        var name = $"{prefix}_{Guid.NewGuid():N}"[..40];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new TemporaryDatabase(admin, name, new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString);
    }

    internal sealed record TemporaryDatabase(string Admin, string Name, string ConnectionString) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using var connection = new NpgsqlConnection(Admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
