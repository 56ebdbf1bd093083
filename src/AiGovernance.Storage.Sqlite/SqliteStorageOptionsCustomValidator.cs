using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace AiGovernance.Storage.Sqlite;

/// <summary>The rules of <see cref="SqliteStorageOptions"/> that attributes cannot state: a connection string that names a file.</summary>
internal sealed class SqliteStorageOptionsCustomValidator : IValidateOptions<SqliteStorageOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static SqliteStorageOptionsCustomValidator Instance { get; } = new();

    public ValidateOptionsResult Validate(string? name, SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            builder.AddError("No SQLite connection string is set: pass one to UseSqliteStorage or set ConnectionStrings:Governance.",
                nameof(SqliteStorageOptions.ConnectionString));
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
