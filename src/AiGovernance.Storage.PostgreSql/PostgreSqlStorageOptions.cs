using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Storage.PostgreSql;

/// <summary>Options of the PostgreSQL governance storage.</summary>
public sealed class PostgreSqlStorageOptions
{
    /// <summary>The Npgsql connection string, for example <c>Host=db;Database=governance;Username=aigov;Password=…</c>.</summary>
    /// <value>The default value is null; it must be set (in code, or as <c>ConnectionStrings:Governance</c> in configuration).</value>
    [Required]
    public string? ConnectionString { get; set; }

    /// <summary>How long one command (including waiting for the audit chain's lock) may run before it fails. Between 1
    /// second and 10 minutes.</summary>
    /// <value>The default value is 30 seconds.</value>
    #pragma warning disable IL2026 // Only the generated validator reads the attribute; it parses the bounds without a TypeConverter.
    [Range(typeof(TimeSpan), PostgreSqlStorageDefaults.MinimumCommandTimeout, PostgreSqlStorageDefaults.MaximumCommandTimeout)]
    #pragma warning restore IL2026
    public TimeSpan CommandTimeout { get; set; } = PostgreSqlStorageDefaults.CommandTimeout;

    /// <summary>The most concurrent audit or review appends committed in one transaction (group commit). Between 1 and 10,000.</summary>
    /// <value>The default value is 512.</value>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = PostgreSqlStorageDefaults.MaxBatchSize;
}
