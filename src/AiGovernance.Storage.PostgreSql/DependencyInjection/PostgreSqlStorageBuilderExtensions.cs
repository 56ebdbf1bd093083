using System.Diagnostics.Metrics;
using AiGovernance.Core;
using AiGovernance.Core.Storage;
using AiGovernance.Shared;
using AiGovernance.Storage.PostgreSql;
using AiGovernance.Storage.PostgreSql.DependencyInjection;
using AiGovernance.Storage.PostgreSql.Stores;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Keeps governance state in a PostgreSQL database: the audit log, approval nonce ledger, review log, inventory,
/// rollout state and report history (all six, or the ones chosen).</summary>
/// <remarks>Each call replaces the chosen stores' registrations, whether the feature packages were added before or after.
/// The database is opened and migrated when the host starts (a hosted service registered first), and its options are
/// validated then (<c>ValidateOnStart</c>); a problem stops the start with one <see cref="PostgreSqlStorageException"/> naming
/// the server. Outside a host, the first store operation opens it. The registration itself is shared with the other SQL
/// storage package (<c>src/Shared/Storage</c>); the overloads here name this package's options.</remarks>
public static class PostgreSqlStorageBuilderExtensions
{
    private static readonly RelationalStoreFactories<PostgreSqlGovernanceDatabase> Factories = new(
        sp => new PostgreSqlGovernanceDatabase(
            sp.GetRequiredService<IOptions<PostgreSqlStorageOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<PostgreSqlGovernanceDatabase>>(),
            sp.GetService<IMeterFactory>()),
        (database, time) => new PostgreSqlAuditLog(database, time),
        (database, time) => new PostgreSqlApprovalNonceLedger(database, time),
        database => new PostgreSqlReviewLog(database),
        database => new PostgreSqlAiInventory(database),
        database => new PostgreSqlRolloutStateStore(database),
        (database, auditLog) => new PostgreSqlGovernanceReportStore(database, auditLog));

    /// <summary>Keeps the chosen stores in the PostgreSQL database named by <paramref name="connectionString"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="connectionString">For example <c>Host=db;Database=governance;Username=aigov;Password=…</c>; the database must exist.</param>
    /// <param name="stores">Which stores to keep there.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stores"/> names no store or an unknown one.</exception>
    public static IAiGovernanceBuilder UsePostgreSqlStorage(this IAiGovernanceBuilder builder, string connectionString,
        GovernanceStores stores)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder.UsePostgreSqlStorage(o => o.ConnectionString = connectionString, stores);
    }

    /// <summary>Keeps the chosen stores in a PostgreSQL database configured in code.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the connection string and tuning options.</param>
    /// <param name="stores">Which stores to keep there.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stores"/> names no store or an unknown one.</exception>
    public static IAiGovernanceBuilder UsePostgreSqlStorage(this IAiGovernanceBuilder builder, Action<PostgreSqlStorageOptions> configure,
        GovernanceStores stores)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        Register(builder.Services, stores);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Keeps the chosen stores in the PostgreSQL database of <c>ConnectionStrings:Governance</c>, with tuning options
    /// bound from the section <c>AiGovernance:Storage:PostgreSql</c> when present.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The application's configuration (its root).</param>
    /// <param name="stores">Which stores to keep there.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stores"/> names no store or an unknown one.</exception>
    public static IAiGovernanceBuilder UsePostgreSqlStorage(this IAiGovernanceBuilder builder, IConfiguration configuration,
        GovernanceStores stores)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        Register(builder.Services, stores);
        builder.Services.AddOptions<PostgreSqlStorageOptions>()
            .Bind(configuration.GetSection("AiGovernance:Storage:PostgreSql"))
            .Configure(o => o.ConnectionString ??= configuration.GetConnectionString(PostgreSqlStorageDefaults.ConnectionStringName));
        return builder;
    }

    /// <summary>Keeps all six stores in the PostgreSQL database named by <paramref name="connectionString"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="connectionString">For example <c>Host=db;Database=governance;Username=aigov;Password=…</c>; the database must exist.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is empty.</exception>
    public static IAiGovernanceBuilder UsePostgreSqlStorage(this IAiGovernanceBuilder builder, string connectionString) =>
        builder.UsePostgreSqlStorage(connectionString, GovernanceStores.All);

    /// <summary>Keeps all six stores in a PostgreSQL database configured in code.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the connection string and tuning options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder UsePostgreSqlStorage(this IAiGovernanceBuilder builder, Action<PostgreSqlStorageOptions> configure) =>
        builder.UsePostgreSqlStorage(configure, GovernanceStores.All);

    /// <summary>Keeps all six stores in the PostgreSQL database of <c>ConnectionStrings:Governance</c> (tuning options from
    /// <c>AiGovernance:Storage:PostgreSql</c>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The application's configuration (its root).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder UsePostgreSqlStorage(this IAiGovernanceBuilder builder, IConfiguration configuration) =>
        builder.UsePostgreSqlStorage(configuration, GovernanceStores.All);

    private static void Register(IServiceCollection services, GovernanceStores stores) =>
        RelationalStorageRegistration.Register<PostgreSqlStorageOptions, PostgreSqlStorageOptionsValidator, PostgreSqlStorageOptionsCustomValidator,
            PostgreSqlGovernanceDatabase, PostgreSqlStorageInitializer>(services, stores, Factories);
}
