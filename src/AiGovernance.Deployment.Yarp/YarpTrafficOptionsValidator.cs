using Microsoft.Extensions.Options;

namespace AiGovernance.Deployment.Yarp;

/// <summary>The <c>[Range]</c>/<c>[Required]</c>/<c>[StringLength]</c> rules of <see cref="YarpTrafficOptions"/>, checked by
/// generated code. Registered with <c>ValidateOnStart</c> by <c>AddYarpTraffic</c>.</summary>
[OptionsValidator]
internal sealed partial class YarpTrafficOptionsValidator : IValidateOptions<YarpTrafficOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static YarpTrafficOptionsValidator Instance { get; } = new();
}
