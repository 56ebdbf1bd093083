using Microsoft.Extensions.Options;

namespace AiGovernance.Scorecards;

/// <summary>Checks the <c>[Range]</c> and <c>[Required]</c> attributes of <see cref="ScorecardOptions"/> without
/// reflection (source-generated).</summary>
[OptionsValidator]
internal sealed partial class ScorecardOptionsAttributeValidator : IValidateOptions<ScorecardOptions>;
