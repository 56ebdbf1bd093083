using Microsoft.Extensions.Options;

namespace AiGovernance.Deployment.DependencyInjection;

/// <summary>The <c>[Range]</c>/<c>[Required]</c> rules of <see cref="DeploymentOptions"/> and its nested options, checked by generated code (trim- and AOT-safe).</summary>
[OptionsValidator]
internal sealed partial class DeploymentOptionsAttributeValidator : IValidateOptions<DeploymentOptions>;
