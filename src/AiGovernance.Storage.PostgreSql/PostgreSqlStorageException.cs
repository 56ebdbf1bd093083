using AiGovernance.Core;

namespace AiGovernance.Storage.PostgreSql;

/// <summary>Thrown when the PostgreSQL governance store cannot be reached, created, migrated or written; the message names the
/// server and database (never the password).</summary>
public sealed class PostgreSqlStorageException : AiGovernanceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, naming the store.</param>
    public PostgreSqlStorageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, naming the store.</param>
    /// <param name="innerException">The driver's exception.</param>
    public PostgreSqlStorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public PostgreSqlStorageException()
    {
    }
}
