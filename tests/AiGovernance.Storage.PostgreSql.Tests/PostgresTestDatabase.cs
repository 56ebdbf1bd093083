using System.Globalization;
using Npgsql;

namespace AiGovernance.Storage.PostgreSql.Tests;

/// <summary>A fresh PostgreSQL database with a random name on the server named by <c>AIGOV_POSTGRES</c>, dropped afterwards.
/// Without the variable the test is skipped with the reason shown, except under <c>CI=true</c>, where it fails.</summary>
internal sealed class PostgresTestDatabase : IAsyncDisposable
{
    private readonly string _admin;

    private PostgresTestDatabase(string admin, string name)
    {
        _admin = admin;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static string AdminConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable("AIGOV_POSTGRES");
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value;
            }

            const string Reason = "AIGOV_POSTGRES is not set: start a server with eval \"$(eng/postgres.sh start)\" to run the PostgreSQL tests.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(Reason + " CI must run them.");
            }

            Assert.Skip(Reason);
            return string.Empty;
        }
    }

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var admin = AdminConnectionString;
        var name = "aigov_test_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(string.Create(CultureInfo.InvariantCulture, $"CREATE DATABASE {name};"), connection);
        await command.ExecuteNonQueryAsync();
        return new PostgresTestDatabase(admin, name);
    }

    public PostgreSqlGovernanceDatabase Open(TimeProvider? time = null) =>
        new(new PostgreSqlStorageOptions { ConnectionString = ConnectionString }, time ?? TimeProvider.System);

    public NpgsqlConnection OpenRaw()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE);", connection);
        await command.ExecuteNonQueryAsync();
    }
}
