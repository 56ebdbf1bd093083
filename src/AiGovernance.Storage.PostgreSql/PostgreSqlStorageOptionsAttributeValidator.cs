using Microsoft.Extensions.Options;

namespace AiGovernance.Storage.PostgreSql;

/// <summary>The <c>[Range]</c>/<c>[Required]</c> rules of <see cref="PostgreSqlStorageOptions"/>, checked by generated code.</summary>
[OptionsValidator]
internal sealed partial class PostgreSqlStorageOptionsAttributeValidator : IValidateOptions<PostgreSqlStorageOptions>;
