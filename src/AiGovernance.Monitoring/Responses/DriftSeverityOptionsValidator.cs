using Microsoft.Extensions.Options;

namespace AiGovernance.Monitoring.Responses;

/// <summary>The <c>[Range]</c>/<c>[Required]</c> rules of <see cref="DriftSeverityOptions"/>, checked by generated code; run by the
/// <see cref="DriftSeverityPolicy"/> constructor.</summary>
[OptionsValidator]
internal sealed partial class DriftSeverityOptionsValidator : IValidateOptions<DriftSeverityOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static DriftSeverityOptionsValidator Instance { get; } = new();
}
