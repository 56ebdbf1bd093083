using System.Diagnostics.Metrics;
using AiGovernance.Core;
using AiGovernance.Core.Storage;
using AiGovernance.Shared;
using AiGovernance.Storage.Sqlite;
using AiGovernance.Storage.Sqlite.DependencyInjection;
using AiGovernance.Storage.Sqlite.Stores;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Keeps governance state in a SQLite database file: the audit log, approval nonce ledger, review log, inventory,
/// rollout state and report history (all six, or the ones chosen).</summary>
/// <remarks>Each call replaces the chosen stores' registrations, whether the feature packages were added before or after.
/// The database is opened and migrated when the host starts (a hosted service registered first), and its options are
/// validated then (<c>ValidateOnStart</c>); a problem stops the start with one <see cref="SqliteStorageException"/> naming
/// the file. Outside a host, the first store operation opens it. The registration itself is shared with the other SQL
/// storage package (<c>src/Shared/Storage</c>); the overloads here name this package's options.</remarks>
public static class SqliteStorageBuilderExtensions
{
    private static readonly RelationalStoreFactories<SqliteGovernanceDatabase> Factories = new(
        sp => new SqliteGovernanceDatabase(
            sp.GetRequiredService<IOptions<SqliteStorageOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<SqliteGovernanceDatabase>>(),
            sp.GetService<IMeterFactory>()),
        (database, time) => new SqliteAuditLog(database, time),
        (database, time) => new SqliteApprovalNonceLedger(database, time),
        database => new SqliteReviewLog(database),
        database => new SqliteAiInventory(database),
        database => new SqliteRolloutStateStore(database),
        (database, auditLog) => new SqliteGovernanceReportStore(database, auditLog));

    /// <summary>Keeps the chosen stores in the SQLite database named by <paramref name="connectionString"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="connectionString">For example <c>Data Source=governance.db</c>; the file is created when missing.</param>
    /// <param name="stores">Which stores to keep there.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stores"/> names no store or an unknown one.</exception>
    public static IAiGovernanceBuilder UseSqliteStorage(this IAiGovernanceBuilder builder, string connectionString,
        GovernanceStores stores)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder.UseSqliteStorage(o => o.ConnectionString = connectionString, stores);
    }

    /// <summary>Keeps the chosen stores in a SQLite database configured in code.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the connection string and tuning options.</param>
    /// <param name="stores">Which stores to keep there.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stores"/> names no store or an unknown one.</exception>
    public static IAiGovernanceBuilder UseSqliteStorage(this IAiGovernanceBuilder builder, Action<SqliteStorageOptions> configure,
        GovernanceStores stores)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        Register(builder.Services, stores);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Keeps the chosen stores in the SQLite database of <c>ConnectionStrings:Governance</c>, with tuning options
    /// bound from the section <c>AiGovernance:Storage:Sqlite</c> when present.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The application's configuration (its root).</param>
    /// <param name="stores">Which stores to keep there.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stores"/> names no store or an unknown one.</exception>
    public static IAiGovernanceBuilder UseSqliteStorage(this IAiGovernanceBuilder builder, IConfiguration configuration,
        GovernanceStores stores)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        Register(builder.Services, stores);
        builder.Services.AddOptions<SqliteStorageOptions>()
            .Bind(configuration.GetSection("AiGovernance:Storage:Sqlite"))
            .Configure(o => o.ConnectionString ??= configuration.GetConnectionString(SqliteStorageDefaults.ConnectionStringName));
        return builder;
    }

    /// <summary>Keeps all six stores in the SQLite database named by <paramref name="connectionString"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="connectionString">For example <c>Data Source=governance.db</c>; the file is created when missing.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is empty.</exception>
    public static IAiGovernanceBuilder UseSqliteStorage(this IAiGovernanceBuilder builder, string connectionString) =>
        builder.UseSqliteStorage(connectionString, GovernanceStores.All);

    /// <summary>Keeps all six stores in a SQLite database configured in code.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the connection string and tuning options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder UseSqliteStorage(this IAiGovernanceBuilder builder, Action<SqliteStorageOptions> configure) =>
        builder.UseSqliteStorage(configure, GovernanceStores.All);

    /// <summary>Keeps all six stores in the SQLite database of <c>ConnectionStrings:Governance</c> (tuning options from
    /// <c>AiGovernance:Storage:Sqlite</c>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The application's configuration (its root).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder UseSqliteStorage(this IAiGovernanceBuilder builder, IConfiguration configuration) =>
        builder.UseSqliteStorage(configuration, GovernanceStores.All);

    private static void Register(IServiceCollection services, GovernanceStores stores) =>
        RelationalStorageRegistration.Register<SqliteStorageOptions, SqliteStorageOptionsValidator, SqliteStorageOptionsCustomValidator,
            SqliteGovernanceDatabase, SqliteStorageInitializer>(services, stores, Factories);
}
