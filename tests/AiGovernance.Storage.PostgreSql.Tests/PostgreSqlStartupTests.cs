using System.Net;
using System.Net.Sockets;
using AiGovernance.Core.Audit;
using AiGovernance.Gates.Approvals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using static AiGovernance.Storage.Contract.ContractTime;

namespace AiGovernance.Storage.PostgreSql.Tests;

/// <summary>Bad storage configuration stops the host at start-up with one clear exception naming the store (never its
/// password); nothing falls back to memory.</summary>
public sealed class PostgreSqlStartupTests
{
    private static async Task<Exception> StartFailureAsync(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddAiGovernance(b => b.AddGates().UsePostgreSqlStorage(connectionString));
        using var host = builder.Build();
        return await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(Ct));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;   // closed again when disposed
    }

    [Fact]
    public async Task UnreachableServer_FailsAtStartUp_NamingTheServer()
    {
        var port = ClosedPort();

        var error = await StartFailureAsync($"Host=127.0.0.1;Port={port};Username=aigov;Password=s3cret;Database=governance;Timeout=5");

        var storage = Assert.IsType<PostgreSqlStorageException>(error);
        Assert.Contains($"127.0.0.1:{port}/governance", storage.Message, StringComparison.Ordinal);
        Assert.Contains("unreachable", storage.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", storage.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingDatabase_FailsAtStartUp_NamingIt()
    {
        var missing = new NpgsqlConnectionStringBuilder(PostgresTestDatabase.AdminConnectionString) { Database = "aigov_no_such_db" }.ConnectionString;

        var error = await StartFailureAsync(missing);

        var storage = Assert.IsType<PostgreSqlStorageException>(error);
        Assert.Contains("aigov_no_such_db", storage.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", storage.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongConnectionString_FailsAtStartUp_WithoutEchoingIt()
    {
        var error = await StartFailureAsync("Host=db;Pasword=s3cret");

        var validation = Assert.IsType<OptionsValidationException>(error);
        Assert.Contains("PostgreSQL connection string is malformed", validation.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsePostgreSqlStorage_RegistersAllSixStores_AndStartsThem()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:Governance"] = db.ConnectionString;
        builder.Services.AddAiGovernance(b => b.AddGates().AddOversight().AddDeployment(o => o.MonitoringInterval = null)
            .UsePostgreSqlStorage(builder.Configuration));
        using var host = builder.Build();

        await host.StartAsync(Ct);
        var provider = host.Services;
        Assert.IsType<Stores.PostgreSqlAuditLog>(provider.GetRequiredService<IAuditLog>());
        Assert.IsType<Stores.PostgreSqlApprovalNonceLedger>(provider.GetRequiredService<IApprovalNonceLedger>());
        Assert.IsType<Stores.PostgreSqlReviewLog>(provider.GetRequiredService<Oversight.Review.IReviewLog>());
        Assert.IsType<Stores.PostgreSqlAiInventory>(provider.GetRequiredService<Gates.Inventory.IAiInventory>());
        Assert.IsType<Stores.PostgreSqlRolloutStateStore>(provider.GetRequiredService<Deployment.Rollout.IRolloutStateStore>());
        Assert.IsType<Stores.PostgreSqlGovernanceReportStore>(provider.GetRequiredService<Core.Reports.IGovernanceReportStore>());
        var record = await provider.GetRequiredService<IAuditLog>().AppendAsync(new AuditEvent("started", "host"), Ct);
        await host.StopAsync(Ct);
        Assert.Equal(1, record.Sequence);
    }

    [Fact]
    public async Task OutOfRangeOptions_FailAtStartUp_ListingEveryError()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddAiGovernance(b => b.UsePostgreSqlStorage(o =>
        {
            o.ConnectionString = "Host=127.0.0.1;Port=1;Database=never_opened;Username=aigov";
            o.CommandTimeout = TimeSpan.FromMinutes(11);
            o.MaxBatchSize = 0;
        }));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        Assert.Contains("CommandTimeout must be between 00:00:01 and 00:10:00", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxBatchSize must be between 1 and 10000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_OutsideDependencyInjection_RunsTheSameValidators()
    {
        var options = new PostgreSqlStorageOptions { ConnectionString = "Host=127.0.0.1;Port=1;Database=never_opened;Username=aigov", CommandTimeout = TimeSpan.Zero };

        var error = Assert.Throws<ArgumentException>(() => new PostgreSqlGovernanceDatabase(options, TimeProvider.System));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("CommandTimeout must be between 00:00:01 and 00:10:00", error.Message, StringComparison.Ordinal);
    }
}
