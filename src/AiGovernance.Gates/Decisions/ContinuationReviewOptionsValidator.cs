using Microsoft.Extensions.Options;

namespace AiGovernance.Gates.Decisions;

/// <summary>The <c>[Range]</c> rules of <see cref="ContinuationReviewOptions"/>, checked by generated code.</summary>
[OptionsValidator]
internal sealed partial class ContinuationReviewOptionsValidator : IValidateOptions<ContinuationReviewOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static ContinuationReviewOptionsValidator Instance { get; } = new();
}
