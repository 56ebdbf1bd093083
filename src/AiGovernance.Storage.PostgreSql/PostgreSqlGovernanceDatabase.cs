using System.Buffers.Binary;
using System.Data.Common;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AiGovernance.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AiGovernance.Storage.PostgreSql;

/// <summary>One PostgreSQL governance database: a pooled data source and the schema, created or migrated on first use.</summary>
/// <remarks>
/// <para>Safe for any number of processes on any number of machines: every write that must be serialised (audit appends,
/// lease changes, migrations) takes a transaction-scoped advisory lock, and uniqueness rules (nonces, sequence numbers) are
/// primary keys. Commits use the server's durable default (<c>synchronous_commit</c> as configured, normally on).</para>
/// <para>Schema: the table <c>aigov_schema_migrations</c> records the applied versions; <see cref="InitializeAsync"/>
/// creates a fresh database, upgrades an older one in one transaction under an advisory lock (so replicas starting together
/// migrate once), and refuses a newer one with a message naming both versions. <c>sql/schema.sql</c> in the package is
/// the same schema for DBAs who apply it by hand. Failures are <see cref="PostgreSqlStorageException"/> naming the server
/// and database but never the password; nothing falls back to memory.</para>
/// </remarks>
public sealed class PostgreSqlGovernanceDatabase : IAsyncDisposable, IDisposable, IRelationalGovernanceDatabase
{
    internal const long MigrationLockKey = 0x4149_474F_5600_0001;   // "AIGOV" + 1
    internal const long AuditLockKey = 0x4149_474F_5600_0002;

    private static readonly IReadOnlyList<StorageMigration> AllMigrations =
        StorageMigration.Load(typeof(PostgreSqlGovernanceDatabase).Assembly, "AiGovernance.Storage.PostgreSql.");

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly StorageInitialization _initialization;

    /// <summary>Describes a database; nothing connects until <see cref="InitializeAsync"/> or a store's first operation.</summary>
    /// <param name="options">The options (validated here as at host start).</param>
    /// <param name="timeProvider">Stamps applied migrations.</param>
    /// <param name="logger">Receives start-up and migration messages.</param>
    /// <param name="meterFactory">Creates the package's meter; a private meter when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="timeProvider"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid (for example no connection string).</exception>
    public PostgreSqlGovernanceDatabase(PostgreSqlStorageOptions options, TimeProvider timeProvider,
        ILogger<PostgreSqlGovernanceDatabase>? logger = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        OptionsGuard.ThrowIfInvalid(options, nameof(options),
            PostgreSqlStorageOptionsValidator.Instance, PostgreSqlStorageOptionsCustomValidator.Instance);

        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString)
        {
            CommandTimeout = (int)Math.Ceiling(options.CommandTimeout.TotalSeconds),
            // The pool is private to this object and no store leaves session state behind (advisory locks are transaction-
            // scoped; no SET, temporary table or LISTEN), so the DISCARD ALL that Npgsql otherwise runs on every pooled open
            // does nothing useful: it costs server time on every call and would throw the prepared statements away.
            NoResetOnClose = true,
        };
        if (builder.MaxAutoPrepare == 0)
        {
            // Every statement of the stores is fixed text: prepared once per physical connection, it is parsed and planned
            // once instead of on every call (a caller's explicit Max Auto Prepare is kept).
            builder.MaxAutoPrepare = PostgreSqlStorageDefaults.MaxAutoPrepare;
            builder.AutoPrepareMinUsages = PostgreSqlStorageDefaults.AutoPrepareMinUsages;
        }

        Server = string.Create(CultureInfo.InvariantCulture, $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}");
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        Options = options;
        _timeProvider = timeProvider;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        Telemetry = new PostgreSqlStorageTelemetry(meterFactory);
        _initialization = new StorageInitialization(() => MigrateAsync(SchemaVersion));
    }

    /// <summary>The schema version this package writes.</summary>
    public static int SchemaVersion => AllMigrations.Count;

    /// <summary>The server and database, as <c>host:port/database</c> (no credentials).</summary>
    public string Server { get; }

    /// <summary>The options the database was created with.</summary>
    public PostgreSqlStorageOptions Options { get; }

    internal PostgreSqlStorageTelemetry Telemetry { get; }

    internal ILogger Logger => _logger;

    /// <summary>Connects, and creates or migrates the schema. Idempotent: later calls return the first call's outcome
    /// (a failed first call is retried).</summary>
    /// <param name="cancellationToken">Cancels waiting; the initialization itself runs to completion.</param>
    /// <returns>A task that completes when the database is ready.</returns>
    /// <exception cref="PostgreSqlStorageException">The server cannot be reached or refuses the login, the database does
    /// not exist, or its schema is newer than this package's.</exception>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _initialization.WaitAsync(cancellationToken);

    /// <summary>Closes the pooled connections.</summary>
    /// <returns>A task that completes when they are closed.</returns>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>Closes the pooled connections.</summary>
    public void Dispose() => _dataSource.Dispose();

    /// <summary>Brings the schema to <paramref name="targetVersion"/> (tests use an older target to build a previous schema).</summary>
    internal async Task MigrateAsync(int targetVersion)
    {
        try
        {
            var connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@key);", CancellationToken.None,
                        ("key", MigrationLockKey)).ConfigureAwait(false);
                    var version = await StorageMigrator.ApplyAsync(connection, transaction, AllMigrations, SchemaVersion, targetVersion,
                        "INTEGER PRIMARY KEY", _timeProvider,
                        current => new PostgreSqlStorageException(string.Create(CultureInfo.InvariantCulture,
                            $"The PostgreSQL governance store {Server} has schema version {current}, newer than version {SchemaVersion} " +
                                $"that this version of AiGovernance.Storage.PostgreSql understands; " +
                                $"upgrade the package (or restore a matching backup).")),
                        migration => PostgreSqlStorageLog.Migrated(_logger, Server, migration.Version, migration.Description))
                        .ConfigureAwait(false);

                    await transaction.CommitAsync().ConfigureAwait(false);
                    PostgreSqlStorageLog.Ready(_logger, Server, version);
                }
            }
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException
            or ArgumentException or InvalidOperationException)
        {
            PostgreSqlStorageLog.OpenFailed(_logger, Server, exception);
            throw new PostgreSqlStorageException(Describe(exception), exception);
        }
    }

    /// <summary>Opens a pooled connection after the schema is ready.</summary>
    internal async ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        // Once the schema is ready, skip the lock and the WaitAsync allocation on every call.
        if (!_initialization.IsCompletedSuccessfully)
        {
            await InitializeAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException exception)
        {
            throw Wrap("connect", exception);
        }
    }

    /// <summary>Wraps a driver failure during a store operation so the message names the server.</summary>
    internal PostgreSqlStorageException Wrap(string operation, Exception exception) =>
        new($"The PostgreSQL governance store {Server} failed to {operation}: {exception.Message}", exception);

    /// <summary>Runs <paramref name="work"/> in a transaction and commits it; driver failures name the store.</summary>
    internal async Task<T> WriteAsync<T>(string operation, Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work,
        CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var result = await work(connection, transaction).ConfigureAwait(false);
                    await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                    return result;
                }
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                throw Wrap(operation, exception);
            }
        }
    }

    /// <summary>A stable 64-bit advisory-lock key for a named resource (the first 8 bytes of SHA-256 of its name).</summary>
    internal static long LockKey(string scope, string name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(scope + "\n" + name), hash);
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }

    internal static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql,
        CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private string Describe(Exception exception) => exception switch
    {
        PostgresException { SqlState: "3D000" } => $"The PostgreSQL governance store {Server} does not exist (3D000): create the database first.",
        PostgresException { SqlState: "28P01" or "28000" } =>
            $"The PostgreSQL governance store {Server} refused the login ({((PostgresException)exception).SqlState}): " +
            "check the user name and password.",
        PostgresException { SqlState: "42501" } =>
            $"The PostgreSQL governance store {Server} denied the schema change (42501): " +
            "grant the user CREATE on the schema, or apply sql/schema.sql as a DBA.",
        NpgsqlException { InnerException: System.Net.Sockets.SocketException socket } =>
            $"The PostgreSQL governance store {Server} is unreachable ({socket.SocketErrorCode}): " +
            "check the host, port and that the server is running.",
        TimeoutException or NpgsqlException { InnerException: TimeoutException } =>
            $"The PostgreSQL governance store {Server} did not answer in time: check the host, port and network.",
        _ => $"The PostgreSQL governance store {Server} could not be opened or migrated: {exception.Message}",
    };

    string IRelationalGovernanceDatabase.StoreDescription => $"the PostgreSQL governance store {Server}";

    int IRelationalGovernanceDatabase.MaxBatchSize => Options.MaxBatchSize;

    StorageTelemetry IRelationalGovernanceDatabase.Telemetry => Telemetry;

    void IRelationalGovernanceDatabase.NoncesPurged(int count) => PostgreSqlStorageLog.NoncesPurged(_logger, Server, count);

    // One chain for every process on every machine: the transaction-scoped advisory lock serialises appenders, and the
    // sequence primary key would refuse a fork even without it.
    Task IRelationalGovernanceDatabase.LockAuditChainAsync(DbConnection connection, DbTransaction transaction,
        CancellationToken cancellationToken) =>
        ExecuteAsync((NpgsqlConnection)connection, (NpgsqlTransaction)transaction, "SELECT pg_advisory_xact_lock(@key);", cancellationToken,
            ("key", AuditLockKey));

    async Task IRelationalGovernanceDatabase.ExecuteForEachRowAsync(DbConnection connection, DbTransaction transaction, string sql,
        IReadOnlyList<string> parameterNames, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        // Every row in one batch: one round trip for the whole group commit.
        using var batch = new NpgsqlBatch((NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        foreach (var row in rows)
        {
            var command = new NpgsqlBatchCommand(sql);
            for (var i = 0; i < parameterNames.Count; i++)
            {
                command.Parameters.Add(row[i] is null
                    ? new NpgsqlParameter(parameterNames[i], NpgsqlTypes.NpgsqlDbType.Text) { Value = DBNull.Value }
                    : new NpgsqlParameter(parameterNames[i], row[i]));
            }

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    Exception IRelationalGovernanceDatabase.DataFailure(string message) => new PostgreSqlStorageException(message);

    Task IRelationalGovernanceDatabase.LockAsync(DbConnection connection, DbTransaction transaction, string scope, string name,
        CancellationToken cancellationToken) =>
        ExecuteAsync((NpgsqlConnection)connection, (NpgsqlTransaction)transaction, "SELECT pg_advisory_xact_lock(@key);", cancellationToken,
            ("key", LockKey(scope, name)));

    StorageDialect IRelationalGovernanceDatabase.Dialect => StorageDialect.PostgreSql;

    async ValueTask<DbConnection> IRelationalGovernanceDatabase.OpenConnectionAsync(CancellationToken cancellationToken) =>
        await OpenAsync(cancellationToken).ConfigureAwait(false);

    Task<T> IRelationalGovernanceDatabase.WriteTransactionAsync<T>(string operation, Func<DbConnection, DbTransaction, Task<T>> work,
        CancellationToken cancellationToken) =>
        WriteAsync(operation, (connection, transaction) => work(connection, transaction), cancellationToken);

    Exception IRelationalGovernanceDatabase.WrapFailure(string operation, Exception exception) => Wrap(operation, exception);
}
