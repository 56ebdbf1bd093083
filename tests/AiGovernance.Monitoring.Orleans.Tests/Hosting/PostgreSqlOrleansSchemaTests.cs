using AiGovernance.Monitoring.Orleans.Hosting;
using Npgsql;

namespace AiGovernance.Monitoring.Orleans.Tests.Hosting;

public sealed class PostgreSqlOrleansSchemaTests
{
    [Fact]
    public async Task EnsureCreated_AppliesOrleansScriptsOnce_FromConcurrentSilos()
    {
        await using var database = await PostgreSql.CreateDatabaseAsync("aigov_schema");

        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            PostgreSqlOrleansSchema.EnsureCreatedAsync(database.ConnectionString, cancellationToken: TestContext.Current.CancellationToken)));
        var again = await PostgreSqlOrleansSchema.EnsureCreatedAsync(database.ConnectionString, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(4, runs.Sum(r => r.Count));
        Assert.Single(runs, r => r.Count == 4);
        Assert.Empty(again);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var queries = new NpgsqlCommand("SELECT count(*) FROM orleansquery WHERE querykey IN ('WriteToStorageKey', 'UpsertReminderRowKey', 'InsertMembershipKey')", connection);
        Assert.Equal(3L, await queries.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }
}
