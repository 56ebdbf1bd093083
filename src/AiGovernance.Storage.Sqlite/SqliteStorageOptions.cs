using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Storage.Sqlite;

/// <summary>Options of the SQLite governance storage.</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>The Microsoft.Data.Sqlite connection string, for example <c>Data Source=governance.db</c>. An in-memory
    /// database is refused: durable state must never silently live in memory.</summary>
    /// <value>The default value is null; it must be set (in code, or as <c>ConnectionStrings:Governance</c> in configuration).</value>
    [Required]
    public string? ConnectionString { get; set; }

    /// <summary>How long a write waits for another process's write lock before it fails. Between 1 second and 10 minutes.</summary>
    /// <value>The default value is 30 seconds.</value>
    #pragma warning disable IL2026 // Only the generated validator reads the attribute; it parses the bounds without a TypeConverter.
    [Range(typeof(TimeSpan), SqliteStorageDefaults.MinimumBusyTimeout, SqliteStorageDefaults.MaximumBusyTimeout)]
    #pragma warning restore IL2026
    public TimeSpan BusyTimeout { get; set; } = SqliteStorageDefaults.BusyTimeout;

    /// <summary>The most concurrent audit or review appends committed in one transaction (group commit). Between 1 and 10,000.</summary>
    /// <value>The default value is 512.</value>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = SqliteStorageDefaults.MaxBatchSize;
}
