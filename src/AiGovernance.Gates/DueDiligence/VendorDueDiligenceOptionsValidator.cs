using Microsoft.Extensions.Options;

namespace AiGovernance.Gates.DueDiligence;

/// <summary>The <c>[Range]</c>/<c>[Required]</c> rules of <see cref="VendorDueDiligenceOptions"/>, checked by generated code.</summary>
[OptionsValidator]
internal sealed partial class VendorDueDiligenceOptionsValidator : IValidateOptions<VendorDueDiligenceOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static VendorDueDiligenceOptionsValidator Instance { get; } = new();
}
