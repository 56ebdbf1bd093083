using Microsoft.Extensions.Options;

namespace AiGovernance.Scorecards;

/// <summary>The <c>[Range]</c>/<c>[Required]</c> rules of <see cref="ScorecardsOptions"/> and its metric and literacy
/// options, checked by generated code (trim- and AOT-safe). Registered with <c>ValidateOnStart</c> by <c>AddScorecards</c>.</summary>
[OptionsValidator]
internal sealed partial class ScorecardsOptionsValidator : IValidateOptions<ScorecardsOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static ScorecardsOptionsValidator Instance { get; } = new();
}
