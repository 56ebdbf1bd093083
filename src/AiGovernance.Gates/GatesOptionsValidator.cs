using Microsoft.Extensions.Options;

namespace AiGovernance.Gates;

/// <summary>The <c>[Range]</c>/<c>[Required]</c> rules of <see cref="GatesOptions"/> and its nested options, checked by
/// generated code (trim- and AOT-safe). Registered with <c>ValidateOnStart</c> by <c>AddGates</c>.</summary>
[OptionsValidator]
internal sealed partial class GatesOptionsValidator : IValidateOptions<GatesOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static GatesOptionsValidator Instance { get; } = new();
}
