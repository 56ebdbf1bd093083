using Microsoft.Extensions.Options;

namespace AiGovernance.Oversight;

/// <summary>The <c>[Range]</c>/<c>[Required]</c> rules of <see cref="OversightOptions"/>, checked by generated code (trim- and AOT-safe).</summary>
[OptionsValidator]
internal sealed partial class OversightOptionsAttributeValidator : IValidateOptions<OversightOptions>;
