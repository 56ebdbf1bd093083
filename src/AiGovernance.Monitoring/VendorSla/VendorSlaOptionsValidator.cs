using Microsoft.Extensions.Options;

namespace AiGovernance.Monitoring.VendorSla;

/// <summary>The <c>[Range]</c>/<c>[Required]</c> rules of <see cref="VendorSlaOptions"/>, checked by generated code; run by the
/// <see cref="VendorPerformanceMonitor"/> constructor.</summary>
[OptionsValidator]
internal sealed partial class VendorSlaOptionsValidator : IValidateOptions<VendorSlaOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static VendorSlaOptionsValidator Instance { get; } = new();
}
