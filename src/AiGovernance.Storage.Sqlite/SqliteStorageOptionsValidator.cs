using Microsoft.Extensions.Options;

namespace AiGovernance.Storage.Sqlite;

/// <summary>The <c>[Range]</c>/<c>[Required]</c> rules of <see cref="SqliteStorageOptions"/>, checked by generated code (trim- and AOT-safe).
/// Registered with <c>ValidateOnStart</c> beside <see cref="SqliteStorageOptionsCustomValidator"/> by <c>UseSqliteStorage</c>; the
/// database's constructor runs both.</summary>
[OptionsValidator]
internal sealed partial class SqliteStorageOptionsValidator : IValidateOptions<SqliteStorageOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static SqliteStorageOptionsValidator Instance { get; } = new();
}
