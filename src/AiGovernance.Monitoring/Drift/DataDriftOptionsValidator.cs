using Microsoft.Extensions.Options;

namespace AiGovernance.Monitoring.Drift;

/// <summary>The <c>[Range]</c>/<c>[Required]</c> rules of <see cref="DataDriftOptions"/>, checked by generated code; run by the
/// <see cref="DataDriftDetector"/> constructor.</summary>
[OptionsValidator]
internal sealed partial class DataDriftOptionsValidator : IValidateOptions<DataDriftOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static DataDriftOptionsValidator Instance { get; } = new();
}
