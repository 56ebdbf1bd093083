using Microsoft.Extensions.Options;

namespace AiGovernance.Deployment.FeatureManagement;

/// <summary>The <c>[Required]</c>/<c>[StringLength]</c> rules of <see cref="FeatureFlagTrafficOptions"/>, checked by generated
/// code. Registered with <c>ValidateOnStart</c> by <c>AddFeatureFlagTraffic</c>.</summary>
[OptionsValidator]
internal sealed partial class FeatureFlagTrafficOptionsValidator : IValidateOptions<FeatureFlagTrafficOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static FeatureFlagTrafficOptionsValidator Instance { get; } = new();
}
