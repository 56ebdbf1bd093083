using Microsoft.Extensions.Options;

namespace AiGovernance.Gates.Milestones;

/// <summary>The <c>[Range]</c>/<c>[EnumDataType]</c> rules of <see cref="PerformanceGateOptions"/>, checked by generated code
/// and run by the <see cref="PerformanceGate"/> constructor.</summary>
[OptionsValidator]
internal sealed partial class PerformanceGateOptionsValidator : IValidateOptions<PerformanceGateOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static PerformanceGateOptionsValidator Instance { get; } = new();
}
