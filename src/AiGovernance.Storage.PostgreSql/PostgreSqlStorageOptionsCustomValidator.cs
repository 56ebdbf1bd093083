using Microsoft.Extensions.Options;
using Npgsql;

namespace AiGovernance.Storage.PostgreSql;

/// <summary>The rules of <see cref="PostgreSqlStorageOptions"/> that attributes cannot state: a well-formed connection string.</summary>
internal sealed class PostgreSqlStorageOptionsCustomValidator : IValidateOptions<PostgreSqlStorageOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static PostgreSqlStorageOptionsCustomValidator Instance { get; } = new();

    public ValidateOptionsResult Validate(string? name, PostgreSqlStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            builder.AddError("No PostgreSQL connection string is set: pass one to UsePostgreSqlStorage or set ConnectionStrings:Governance.",
                nameof(PostgreSqlStorageOptions.ConnectionString));
        }
        else if (ConnectionProblem(options.ConnectionString) is { } problem)
        {
            builder.AddError(problem, nameof(PostgreSqlStorageOptions.ConnectionString));
        }


        return builder.Build();
    }

    /// <summary>Why the connection string is unusable, or null.</summary>
    internal static string? ConnectionProblem(string connectionString)
    {
        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(parsed.Host) ? "The PostgreSQL connection string names no Host." : null;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            // The driver's message may quote the string; say only which rule failed.
            return $"The PostgreSQL connection string is malformed ({ex.GetType().Name}): check its keywords and quoting.";
        }
    }
}
