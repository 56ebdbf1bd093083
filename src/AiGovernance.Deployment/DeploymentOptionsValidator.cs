using Microsoft.Extensions.Options;

namespace AiGovernance.Deployment;

/// <summary>The <c>[Range]</c>/<c>[Required]</c> rules of <see cref="DeploymentOptions"/> and its nested options, checked by
/// generated code (trim- and AOT-safe). Registered with <c>ValidateOnStart</c> by <c>AddDeployment</c>.</summary>
[OptionsValidator]
internal sealed partial class DeploymentOptionsValidator : IValidateOptions<DeploymentOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static DeploymentOptionsValidator Instance { get; } = new();
}
