using AiGovernance.Core.Audit;
using AiGovernance.Core.Storage;
using AiGovernance.Deployment.Rollout;
using AiGovernance.Gates.Approvals;
using AiGovernance.Gates.Decisions;
using AiGovernance.Gates.Inventory;
using AiGovernance.Storage.PostgreSql.Stores;
using AiGovernance.Storage.Sqlite.Stores;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Readme.Tests.Snippets;

/// <summary>The storage blocks of README.md and the ```csharp blocks of the two storage packages' READMEs.</summary>
public class StorageSnippets
{
    [Fact]
    public void Root_SqliteStorage()
    {
        var services = new ServiceCollection();
        services.AddAiGovernance(b => b
            .AddGates()
            .AddDeployment()
            .UseSqliteStorage("Data Source=governance.db"));               // one file, shared by the processes of one machine

        using var provider = services.BuildServiceProvider();
        Assert.IsType<SqliteAuditLog>(provider.GetRequiredService<IAuditLog>());   // nothing is opened until first use
        Assert.IsType<SqliteRolloutStateStore>(provider.GetRequiredService<IRolloutStateStore>());
        Assert.IsType<SqliteApprovalNonceLedger>(provider.GetRequiredService<IApprovalNonceLedger>());
    }

    [Fact]
    public void Root_PostgreSqlStorage()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("ConnectionStrings:Governance", "Host=db.internal;Database=governance;Username=aigov")])
            .Build();

        services.AddAiGovernance(b => b
            .AddGates()
            .AddDeployment()
            .UsePostgreSqlStorage(configuration));                        // ConnectionStrings:Governance, shared by every replica

        using var provider = services.BuildServiceProvider();
        Assert.IsType<PostgreSqlAuditLog>(provider.GetRequiredService<IAuditLog>());   // registered; nothing connects until used
        Assert.IsType<PostgreSqlApprovalNonceLedger>(provider.GetRequiredService<IApprovalNonceLedger>());
    }

    [Fact]
    public async Task SqlitePackage_Example()
    {
        using var dir = SnippetData.CreateTempDirectory();
        var databasePath = Path.Combine(dir.Path, "governance.db");
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero)));
        var schedule = new ContinuationReviewSchedule(new ContinuationReviewOptions(), TimeProvider.System);

        services.AddAiGovernance(b => b
            .AddGates()
            .UseSqliteStorage($"Data Source={databasePath}"));       // all six stores; or UseSqliteStorage(cs, GovernanceStores.AuditLog)
        using var provider = services.BuildServiceProvider();

        var audit = provider.GetRequiredService<IAuditLog>();         // SqliteAuditLog: survives restarts, shared by local processes
        await audit.AppendAsync(new AuditEvent("model.registered", "ci", "credit-scoring"));
        var inventory = provider.GetRequiredService<IAiInventory>();
        var overdue = await inventory.FindReviewOverdueAsync(schedule.GetOverdueCutoffs());   // one indexed query
        var check = await audit.VerifyAsync();                        // re-reads the chain: edits, gaps, reordering, truncation

        Assert.True(check.IsValid);
        Assert.Empty(overdue);
        Assert.IsType<SqliteAuditLog>(audit);
        Assert.Equal(GovernanceStores.All, GovernanceStores.All & (GovernanceStores)63);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task PostgreSqlPackage_Example()
    {
        var connectionString = Environment.GetEnvironmentVariable("AIGOV_POSTGRES");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Assert.True(Environment.GetEnvironmentVariable("CI") != "true", "CI must run the PostgreSQL README example: AIGOV_POSTGRES is not set.");
            Assert.Skip("AIGOV_POSTGRES is not set: start a server with eval \"$(eng/postgres.sh start)\" to run this example.");
        }

        var services = new ServiceCollection();
        services.AddAiGovernance(b => b
            .AddGates()
            .AddDeployment()
            .UsePostgreSqlStorage(connectionString));                  // Host=…;Database=governance;Username=…;Password=…
        using var provider = services.BuildServiceProvider();

        var nonces = provider.GetRequiredService<IApprovalNonceLedger>();   // first use wins across every replica
        var controller = provider.GetRequiredService<RolloutController>();  // acts only while it holds the rollout's lease
        var status = await controller.EvaluateAsync();                       // a standby replica reports the stored state

        Assert.IsType<PostgreSqlApprovalNonceLedger>(nonces);
        Assert.True(controller.HoldsLease || status.Reason.StartsWith("Standby", StringComparison.Ordinal));
    }
}
