using Microsoft.Extensions.Options;
using Npgsql;

namespace AiGovernance.Storage.PostgreSql;

/// <summary>Validates <see cref="PostgreSqlStorageOptions"/>: the attribute rules and a well-formed connection string.</summary>
internal sealed class PostgreSqlStorageOptionsValidator : IValidateOptions<PostgreSqlStorageOptions>
{
    private readonly PostgreSqlStorageOptionsAttributeValidator _attributes = new();

    public ValidateOptionsResult Validate(string? name, PostgreSqlStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        builder.AddResult(_attributes.Validate(name, options));
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            builder.AddError("No PostgreSQL connection string is set: pass one to UsePostgreSqlStorage or set ConnectionStrings:Governance.",
                nameof(PostgreSqlStorageOptions.ConnectionString));
        }
        else if (ConnectionProblem(options.ConnectionString) is { } problem)
        {
            builder.AddError(problem, nameof(PostgreSqlStorageOptions.ConnectionString));
        }

        if (options.CommandTimeout < TimeSpan.FromSeconds(1) || options.CommandTimeout > TimeSpan.FromMinutes(10))
        {
            builder.AddError($"CommandTimeout must be between 1 second and 10 minutes; got {options.CommandTimeout}.",
                nameof(PostgreSqlStorageOptions.CommandTimeout));
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
