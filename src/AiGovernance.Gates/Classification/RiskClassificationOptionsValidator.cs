using Microsoft.Extensions.Options;

namespace AiGovernance.Gates.Classification;

/// <summary>The <c>[Range]</c>/<c>[EnumDataType]</c> rules of <see cref="RiskClassificationOptions"/>, checked by generated
/// code; run at start-up (through <see cref="GatesOptionsValidator"/>) and by the classifiers' constructors outside DI.</summary>
[OptionsValidator]
internal sealed partial class RiskClassificationOptionsValidator : IValidateOptions<RiskClassificationOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static RiskClassificationOptionsValidator Instance { get; } = new();
}
