using Microsoft.Extensions.Options;

namespace AiGovernance.Oversight;

/// <summary>The <c>[Range]</c>/<c>[Required]</c> rules of <see cref="OversightOptions"/> and its nested options, checked by
/// generated code (trim- and AOT-safe). Registered with <c>ValidateOnStart</c> by <c>AddOversight</c> and run by the
/// constructors that take the options outside DI.</summary>
[OptionsValidator]
internal sealed partial class OversightOptionsValidator : IValidateOptions<OversightOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static OversightOptionsValidator Instance { get; } = new();
}
