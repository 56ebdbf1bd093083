using AiGovernance.Core;

namespace AiGovernance.Storage.Sqlite;

/// <summary>Thrown when the SQLite governance store cannot be opened, created, migrated or written; the message names the
/// database file.</summary>
public sealed class SqliteStorageException : AiGovernanceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, naming the store.</param>
    public SqliteStorageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, naming the store.</param>
    /// <param name="innerException">The driver's exception.</param>
    public SqliteStorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public SqliteStorageException()
    {
    }
}
