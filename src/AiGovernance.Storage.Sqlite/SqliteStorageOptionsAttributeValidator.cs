using Microsoft.Extensions.Options;

namespace AiGovernance.Storage.Sqlite;

/// <summary>The <c>[Range]</c>/<c>[Required]</c> rules of <see cref="SqliteStorageOptions"/>, checked by generated code.</summary>
[OptionsValidator]
internal sealed partial class SqliteStorageOptionsAttributeValidator : IValidateOptions<SqliteStorageOptions>;
