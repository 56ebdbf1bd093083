using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace AiGovernance.Storage.Sqlite;

/// <summary>Validates <see cref="SqliteStorageOptions"/>: the attribute rules and a connection string that names a file.</summary>
internal sealed class SqliteStorageOptionsValidator : IValidateOptions<SqliteStorageOptions>
{
    private readonly SqliteStorageOptionsAttributeValidator _attributes = new();

    public ValidateOptionsResult Validate(string? name, SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        builder.AddResult(_attributes.Validate(name, options));
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            builder.AddError("No SQLite connection string is set: pass one to UseSqliteStorage or set ConnectionStrings:Governance.",
                nameof(SqliteStorageOptions.ConnectionString));
        }

        if (options.BusyTimeout < TimeSpan.FromSeconds(1) || options.BusyTimeout > TimeSpan.FromMinutes(10))
        {
            builder.AddError($"BusyTimeout must be between 1 second and 10 minutes; got {options.BusyTimeout}.",
                nameof(SqliteStorageOptions.BusyTimeout));
        }

        if (!string.IsNullOrWhiteSpace(options.ConnectionString) && ConnectionProblem(options.ConnectionString) is { } problem)
        {
            builder.AddError(problem, nameof(SqliteStorageOptions.ConnectionString));
        }

        return builder.Build();
    }

    /// <summary>Why the connection string cannot hold durable state, or null.</summary>
    internal static string? ConnectionProblem(string connectionString)
    {
        SqliteConnectionStringBuilder parsed;
        try
        {
            parsed = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            return $"The SQLite connection string is malformed: {ex.Message}";
        }

        if (string.IsNullOrWhiteSpace(parsed.DataSource))
        {
            return "The SQLite connection string names no Data Source file.";
        }

        if (parsed.Mode == SqliteOpenMode.Memory || string.Equals(parsed.DataSource.Trim(), ":memory:", StringComparison.OrdinalIgnoreCase))
        {
            return "The SQLite connection string names an in-memory database; governance state must be durable, so give a file.";
        }

        return null;
    }
}
