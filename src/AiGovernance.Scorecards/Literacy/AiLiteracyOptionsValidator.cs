using Microsoft.Extensions.Options;

namespace AiGovernance.Scorecards.Literacy;

/// <summary>The <c>[Range]</c> rules of <see cref="AiLiteracyOptions"/>, checked by generated code; run by the
/// <see cref="AiLiteracyAssessment"/> constructor on its thresholds.</summary>
[OptionsValidator]
internal sealed partial class AiLiteracyOptionsValidator : IValidateOptions<AiLiteracyOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static AiLiteracyOptionsValidator Instance { get; } = new();
}
