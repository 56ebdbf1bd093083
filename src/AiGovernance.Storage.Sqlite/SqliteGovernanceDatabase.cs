using System.Data;
using System.Data.Common;
using System.Diagnostics.Metrics;
using System.Globalization;
using AiGovernance.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiGovernance.Storage.Sqlite;

/// <summary>One SQLite governance database file: opens connections configured for durability and concurrency, and creates or
/// migrates the schema on first use.</summary>
/// <remarks>
/// <para>Every connection runs in WAL mode with <c>synchronous=FULL</c> (a committed transaction survives a power loss or a
/// killed process) and a busy timeout, so several processes on one machine can share the file; writers take the write lock
/// up front (<c>BEGIN IMMEDIATE</c>).</para>
/// <para>Schema: a table <c>aigov_schema_migrations</c> records the applied versions. <see cref="InitializeAsync"/> creates
/// a fresh database, upgrades an older one inside one write transaction, and refuses a newer one (written by a later version
/// of this package) with a message naming both versions. <c>sql/schema.sql</c> in the package is the same schema for DBAs
/// who apply it by hand. Failures are <see cref="SqliteStorageException"/> naming the file; nothing falls back to memory.</para>
/// </remarks>
public sealed class SqliteGovernanceDatabase : IRelationalGovernanceDatabase
{
    private static readonly IReadOnlyList<StorageMigration> AllMigrations =
        StorageMigration.Load(typeof(SqliteGovernanceDatabase).Assembly, "AiGovernance.Storage.Sqlite.");

    private readonly string _connectionString;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly StorageInitialization _initialization;

    /// <summary>Describes a database; nothing is opened until <see cref="InitializeAsync"/> or a store's first operation.</summary>
    /// <param name="options">The options (validated here as at host start).</param>
    /// <param name="timeProvider">Stamps applied migrations.</param>
    /// <param name="logger">Receives start-up and migration messages.</param>
    /// <param name="meterFactory">Creates the package's meter; a private meter when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="timeProvider"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid (for example no connection string, or an in-memory one).</exception>
    public SqliteGovernanceDatabase(SqliteStorageOptions options, TimeProvider timeProvider, ILogger<SqliteGovernanceDatabase>? logger = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        OptionsGuard.ThrowIfInvalid(options, nameof(options),
            SqliteStorageOptionsValidator.Instance, SqliteStorageOptionsCustomValidator.Instance);

        var builder = new SqliteConnectionStringBuilder(options.ConnectionString)
        {
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
            Pooling = true,
        };
        if (builder.Mode == SqliteOpenMode.ReadWriteCreate || builder.Mode == SqliteOpenMode.ReadWrite)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource);
        }

        _connectionString = builder.ToString();
        DataSource = builder.DataSource;
        Options = options;
        BusyTimeout = options.BusyTimeout;
        _timeProvider = timeProvider;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        Telemetry = new SqliteStorageTelemetry(meterFactory);
        _initialization = new StorageInitialization(() => MigrateAsync(SchemaVersion));
    }

    /// <summary>The schema version this package writes.</summary>
    public static int SchemaVersion => AllMigrations.Count;

    /// <summary>The database file's full path.</summary>
    public string DataSource { get; }

    /// <summary>The options the database was created with.</summary>
    public SqliteStorageOptions Options { get; }

    internal TimeSpan BusyTimeout { get; }

    internal SqliteStorageTelemetry Telemetry { get; }

    internal ILogger Logger => _logger;

    /// <summary>Opens the file (creating it when allowed), checks that it is writable, and creates or migrates the schema.
    /// Idempotent: later calls return the first call's outcome.</summary>
    /// <param name="cancellationToken">Cancels waiting; the initialization itself runs to completion.</param>
    /// <returns>A task that completes when the database is ready.</returns>
    /// <exception cref="SqliteStorageException">The file cannot be opened or written, or its schema is newer than this package's.</exception>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _initialization.WaitAsync(cancellationToken);

    /// <summary>Brings the schema to <paramref name="targetVersion"/> (tests use an older target to build a previous schema).</summary>
    internal async Task MigrateAsync(int targetVersion)
    {
        try
        {
            var connection = await OpenCoreAsync(CancellationToken.None).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                // WAL is a property of the file: set once, by whoever gets here first.
                await StorageMigrator.ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;").ConfigureAwait(false);
                using var transaction = connection.BeginTransaction(deferred: false);
                var version = await StorageMigrator.ApplyAsync(connection, transaction, AllMigrations, SchemaVersion, targetVersion,
                    "INTEGER PRIMARY KEY NOT NULL", _timeProvider,
                    current => new SqliteStorageException(string.Create(CultureInfo.InvariantCulture,
                        $"The SQLite governance store {DataSource} has schema version {current}, newer than version {SchemaVersion} " +
                            $"that this version of AiGovernance.Storage.Sqlite understands; upgrade the package (or restore a matching backup).")),
                    migration => SqliteStorageLog.Migrated(_logger, DataSource, migration.Version, migration.Description)).ConfigureAwait(false);

                // Proves write access even when nothing needed migrating: a read-only file fails here, at start-up.
                await StorageMigrator.ExecuteAsync(connection, transaction,
                    "UPDATE aigov_schema_migrations SET applied_at = applied_at WHERE version = (SELECT MAX(version) FROM aigov_schema_migrations);")
                    .ConfigureAwait(false);
                transaction.Commit();
                SqliteStorageLog.Ready(_logger, DataSource, version);
            }
        }
        catch (SqliteException exception)
        {
            SqliteStorageLog.OpenFailed(_logger, DataSource, exception);
            throw new SqliteStorageException(Describe(exception), exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            SqliteStorageLog.OpenFailed(_logger, DataSource, exception);
            throw new SqliteStorageException($"The SQLite governance store {DataSource} could not be opened: {exception.Message}", exception);
        }
    }

    /// <summary>Opens a connection after the schema is ready.</summary>
    internal async ValueTask<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await OpenCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException exception)
        {
            throw new SqliteStorageException(Describe(exception), exception);
        }
    }

    /// <summary>Wraps a driver failure during a store operation so the message names the file.</summary>
    internal SqliteStorageException Wrap(string operation, SqliteException exception) =>
        new($"The SQLite governance store {DataSource} failed to {operation}: {exception.Message}", exception);

    private string Describe(SqliteException exception) => exception.SqliteErrorCode switch
    {
        8 => $"The SQLite governance store {DataSource} is read-only (SQLITE_READONLY): " +
            "give the process write access to the file and its directory, or use a writable path.",
        14 => $"The SQLite governance store {DataSource} cannot be opened (SQLITE_CANTOPEN): check that the directory exists and is writable.",
        26 => $"The file {DataSource} is not a SQLite database (SQLITE_NOTADB).",
        _ => $"The SQLite governance store {DataSource} could not be opened or migrated: {exception.Message}",
    };

    private async Task<SqliteConnection> OpenCoreAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await StorageMigrator.ExecuteAsync(connection, null, string.Create(CultureInfo.InvariantCulture,
                $"PRAGMA busy_timeout={(long)BusyTimeout.TotalMilliseconds}; PRAGMA synchronous=FULL;")).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> in a write transaction (<c>BEGIN IMMEDIATE</c>) and commits it.</summary>
    internal async Task<T> WriteAsync<T>(string operation, Func<SqliteConnection, SqliteTransaction, Task<T>> work,
        CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                using var transaction = connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);
                var result = await work(connection, transaction).ConfigureAwait(false);
                transaction.Commit();
                return result;
            }
            catch (SqliteException exception)
            {
                throw Wrap(operation, exception);
            }
        }
    }

    string IRelationalGovernanceDatabase.StoreDescription => $"the SQLite governance store {DataSource}";

    int IRelationalGovernanceDatabase.MaxBatchSize => Options.MaxBatchSize;

    StorageTelemetry IRelationalGovernanceDatabase.Telemetry => Telemetry;

    void IRelationalGovernanceDatabase.NoncesPurged(int count) => SqliteStorageLog.NoncesPurged(_logger, DataSource, count);

    // BEGIN IMMEDIATE has already serialised every writer of the file.
    Task IRelationalGovernanceDatabase.LockAuditChainAsync(DbConnection connection, DbTransaction transaction,
        CancellationToken cancellationToken) => Task.CompletedTask;

    async Task IRelationalGovernanceDatabase.ExecuteForEachRowAsync(DbConnection connection, DbTransaction transaction, string sql,
        IReadOnlyList<string> parameterNames, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        // In-process: one command, re-bound per row, costs no round trip.
        using var command = StorageCommands.Create(connection, transaction, sql);
        var parameters = new SqliteParameter[parameterNames.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = ((SqliteCommand)command).Parameters.Add(parameterNames[i], SqliteType.Text);
        }

        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
                parameters[i].SqliteType = row[i] switch
                {
                    string => SqliteType.Text,
                    double => SqliteType.Real,
                    byte[] => SqliteType.Blob,
                    null => SqliteType.Text,
                    _ => SqliteType.Integer,
                };
            }

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    Exception IRelationalGovernanceDatabase.DataFailure(string message) => new SqliteStorageException(message);

    Task IRelationalGovernanceDatabase.LockAsync(DbConnection connection, DbTransaction transaction, string scope, string name,
        CancellationToken cancellationToken) => Task.CompletedTask;

    StorageDialect IRelationalGovernanceDatabase.Dialect => StorageDialect.Sqlite;

    async ValueTask<DbConnection> IRelationalGovernanceDatabase.OpenConnectionAsync(CancellationToken cancellationToken) =>
        await OpenAsync(cancellationToken).ConfigureAwait(false);

    Task<T> IRelationalGovernanceDatabase.WriteTransactionAsync<T>(string operation, Func<DbConnection, DbTransaction, Task<T>> work,
        CancellationToken cancellationToken) =>
        WriteAsync(operation, (connection, transaction) => work(connection, transaction), cancellationToken);

    Exception IRelationalGovernanceDatabase.WrapFailure(string operation, Exception exception) =>
        exception is SqliteException sqlite ? Wrap(operation, sqlite)
            : new SqliteStorageException($"The SQLite governance store {DataSource} failed to {operation}: {exception.Message}", exception);
}
