using Microsoft.Extensions.Options;

namespace AiGovernance.Storage.PostgreSql;

/// <summary>The <c>[Range]</c>/<c>[Required]</c> rules of <see cref="PostgreSqlStorageOptions"/>, checked by generated code (trim- and AOT-safe).
/// Registered with <c>ValidateOnStart</c> beside <see cref="PostgreSqlStorageOptionsCustomValidator"/> by <c>UsePostgreSqlStorage</c>; the
/// database's constructor runs both.</summary>
[OptionsValidator]
internal sealed partial class PostgreSqlStorageOptionsValidator : IValidateOptions<PostgreSqlStorageOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static PostgreSqlStorageOptionsValidator Instance { get; } = new();
}
