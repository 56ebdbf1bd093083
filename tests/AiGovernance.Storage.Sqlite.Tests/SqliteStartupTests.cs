using AiGovernance.Core.Audit;
using AiGovernance.Gates.Approvals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using static AiGovernance.Storage.Contract.ContractTime;

namespace AiGovernance.Storage.Sqlite.Tests;

/// <summary>Bad storage configuration stops the host at start-up with one clear exception naming the store; nothing falls
/// back to memory.</summary>
public sealed class SqliteStartupTests
{
    private static async Task<Exception> StartFailureAsync(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddAiGovernance(b => b.AddGates().UseSqliteStorage(connectionString));
        using var host = builder.Build();
        return await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(Ct));
    }

    [Fact]
    public async Task ReadOnlyDatabaseFile_FailsAtStartUp_NamingTheFile()
    {
        using var db = new SqliteTestDatabase();
        await db.Open().InitializeAsync(Ct);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(db.Path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        // Root ignores file permissions, so the connection also asks for read-only access, as a read-only mount would give.
        var error = await StartFailureAsync(db.ConnectionString + ";Mode=ReadOnly");

        var storage = Assert.IsType<SqliteStorageException>(error);
        Assert.Contains(db.Path, storage.Message, StringComparison.Ordinal);
        Assert.Contains("read-only", storage.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingDirectory_FailsAtStartUp_NamingTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "aigov-missing-" + Guid.NewGuid().ToString("N"), "sub", "governance.db");

        var error = await StartFailureAsync("Data Source=" + path);

        var storage = Assert.IsType<SqliteStorageException>(error);
        Assert.Contains(path, storage.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedConnectionString_FailsAtStartUp()
    {
        var error = await StartFailureAsync("Data Source=x.db;Flavour=strawberry");

        var validation = Assert.IsType<OptionsValidationException>(error);
        Assert.Contains("SQLite connection string is malformed", validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InMemoryDatabase_IsRefused_NeverASilentFallback()
    {
        var error = await StartFailureAsync("Data Source=:memory:");

        Assert.Contains("in-memory", Assert.IsType<OptionsValidationException>(error).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UseSqliteStorage_RegistersAllSixStores_OrTheChosenOnes()
    {
        using var db = new SqliteTestDatabase();
        var all = new ServiceCollection();
        all.AddAiGovernance(b => b.AddGates().AddOversight().AddDeployment().UseSqliteStorage(db.ConnectionString));
        var chosen = new ServiceCollection();
        chosen.AddAiGovernance(b => b.UseSqliteStorage(db.ConnectionString, Core.Storage.GovernanceStores.AuditLog).AddGates());

        using var provider = all.BuildServiceProvider();
        using var chosenProvider = chosen.BuildServiceProvider();

        Assert.IsType<Stores.SqliteAuditLog>(provider.GetRequiredService<IAuditLog>());
        Assert.IsType<Stores.SqliteApprovalNonceLedger>(provider.GetRequiredService<IApprovalNonceLedger>());
        Assert.IsType<Stores.SqliteReviewLog>(provider.GetRequiredService<Oversight.Review.IReviewLog>());
        Assert.IsType<Stores.SqliteAiInventory>(provider.GetRequiredService<Gates.Inventory.IAiInventory>());
        Assert.IsType<Stores.SqliteRolloutStateStore>(provider.GetRequiredService<Deployment.Rollout.IRolloutStateStore>());
        Assert.IsType<Stores.SqliteGovernanceReportStore>(provider.GetRequiredService<Core.Reports.IGovernanceReportStore>());
        Assert.Single(all, d => d.ServiceType == typeof(IAuditLog));
        Assert.IsType<Stores.SqliteAuditLog>(chosenProvider.GetRequiredService<IAuditLog>());
        Assert.IsType<InMemoryApprovalNonceLedger>(chosenProvider.GetRequiredService<IApprovalNonceLedger>());
    }

    [Fact]
    public async Task ConnectionString_FromConfiguration()
    {
        using var db = new SqliteTestDatabase();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:Governance"] = db.ConnectionString;
        builder.Services.AddAiGovernance(b => b.UseSqliteStorage(builder.Configuration));
        using var host = builder.Build();

        await host.StartAsync(Ct);
        var record = await host.Services.GetRequiredService<IAuditLog>().AppendAsync(new AuditEvent("started", "host"), Ct);
        await host.StopAsync(Ct);

        Assert.Equal(1, record.Sequence);
        Assert.True(File.Exists(db.Path));
    }

    [Fact]
    public async Task OutOfRangeOptions_FailAtStartUp_ListingEveryError()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddAiGovernance(b => b.UseSqliteStorage(o =>
        {
            o.ConnectionString = "Data Source=" + Path.Combine(Path.GetTempPath(), "aigov-never-opened.db");
            o.BusyTimeout = TimeSpan.FromMinutes(11);
            o.MaxBatchSize = 0;
        }));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        Assert.Contains("BusyTimeout must be between 00:00:01 and 00:10:00", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxBatchSize must be between 1 and 10000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_OutsideDependencyInjection_RunsTheSameValidators()
    {
        var options = new SqliteStorageOptions { ConnectionString = "Data Source=" + Path.Combine(Path.GetTempPath(), "aigov-never-opened.db"), BusyTimeout = TimeSpan.Zero };

        var error = Assert.Throws<ArgumentException>(() => new SqliteGovernanceDatabase(options, TimeProvider.System));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("BusyTimeout must be between 00:00:01 and 00:10:00", error.Message, StringComparison.Ordinal);
    }
}
