using System.Data.Common;

namespace AiGovernance.Shared;

/// <summary>What the store logic shared by the SQLite and PostgreSQL packages needs from a governance database: pooled
/// connections after the schema is ready, write transactions the database serialises its own way, and failures that name
/// the store.</summary>
/// <remarks>The SQL the shared stores send is the dialect both databases accept (<c>@name</c> parameters,
/// <c>INSERT … ON CONFLICT … DO UPDATE</c>, <c>LIMIT</c>); what differs is in <see cref="Dialect"/>.</remarks>
internal interface IRelationalGovernanceDatabase
{
    /// <summary>The SQL that differs between the databases.</summary>
    StorageDialect Dialect { get; }

    /// <summary>"The SQLite governance store …" / "The PostgreSQL governance store …": how messages name this store.</summary>
    string StoreDescription { get; }

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

    /// <summary>Wraps a driver failure during <paramref name="operation"/> in the package's storage exception.</summary>
    Exception WrapFailure(string operation, Exception exception);

    /// <summary>The package's storage exception for a failure found in the stored data (no driver exception behind it).</summary>
    Exception DataFailure(string message);
}
