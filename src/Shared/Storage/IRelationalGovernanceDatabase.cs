using System.Data.Common;

namespace AiGovernance.Shared;

/// <summary>What the store logic shared by the SQLite and PostgreSQL packages needs from a governance database: pooled
/// connections after the schema is ready, write transactions the database serialises its own way, and failures that name
/// the store.</summary>
/// <remarks>The SQL the shared stores send is the dialect both databases accept (<c>@name</c> parameters,
/// <c>INSERT … ON CONFLICT … DO UPDATE</c>, <c>LIMIT</c>); what differs is in <see cref="Dialect"/> and in the few members
/// below that each database implements its own way.</remarks>
internal interface IRelationalGovernanceDatabase
{
    /// <summary>The SQL that differs between the databases.</summary>
    StorageDialect Dialect { get; }

    /// <summary>"The SQLite governance store …" / "The PostgreSQL governance store …": how messages name this store.</summary>
    string StoreDescription { get; }

    /// <summary>The most appends committed together in one transaction (group commit).</summary>
    int MaxBatchSize { get; }

    /// <summary>The package's storage instruments.</summary>
    StorageTelemetry Telemetry { get; }

    /// <summary>Creates or migrates the schema (idempotent).</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Opens a connection after the schema is ready.</summary>
    ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> in a write transaction and commits it; driver failures name the store.</summary>
    Task<T> WriteTransactionAsync<T>(string operation, Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Inside a write transaction, makes every other writer of the resource <paramref name="scope"/>/<paramref name="name"/>
    /// wait until this transaction ends (SQLite: nothing to do, <c>BEGIN IMMEDIATE</c> already serialises all writers;
    /// PostgreSQL: a transaction-scoped advisory lock).</summary>
    Task LockAsync(DbConnection connection, DbTransaction transaction, string scope, string name, CancellationToken cancellationToken);

    /// <summary>Inside a write transaction, makes every other appender of the audit chain wait until this transaction ends
    /// (SQLite: nothing to do; PostgreSQL: the audit chain's advisory lock).</summary>
    Task LockAuditChainAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="sql"/> once per row of <paramref name="rows"/> inside the transaction, binding each row's
    /// values to <paramref name="parameterNames"/> in order (null as SQL NULL): SQLite re-binds one command per row (an
    /// in-process call each), PostgreSQL sends every row in one batch (one round trip).</summary>
    Task ExecuteForEachRowAsync(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<string> parameterNames,
        IReadOnlyList<object?[]> rows, CancellationToken cancellationToken);

    /// <summary>Logs that a purge deleted <paramref name="count"/> expired nonces.</summary>
    void NoncesPurged(int count);

    /// <summary>Wraps a driver failure during <paramref name="operation"/> in the package's storage exception.</summary>
    Exception WrapFailure(string operation, Exception exception);

    /// <summary>The package's storage exception for a failure found in the stored data (no driver exception behind it).</summary>
    Exception DataFailure(string message);
}
