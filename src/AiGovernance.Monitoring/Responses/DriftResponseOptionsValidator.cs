using Microsoft.Extensions.Options;

namespace AiGovernance.Monitoring.Responses;

/// <summary>The <c>[Range]</c>/<c>[Required]</c> rules of <see cref="DriftResponseOptions"/>, checked by generated code; run by the
/// <see cref="DriftResponseWorkflow"/> constructor.</summary>
[OptionsValidator]
internal sealed partial class DriftResponseOptionsValidator : IValidateOptions<DriftResponseOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static DriftResponseOptionsValidator Instance { get; } = new();
}
