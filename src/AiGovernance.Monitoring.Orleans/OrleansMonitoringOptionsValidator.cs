using Microsoft.Extensions.Options;

namespace AiGovernance.Monitoring.Orleans;

/// <summary>The <c>[Range]</c>/<c>[Required]</c> rules of <see cref="OrleansMonitoringOptions"/>, checked by generated code
/// (trim- and AOT-safe). Registered with <c>ValidateOnStart</c> and run by the constructors that take the options outside DI.</summary>
[OptionsValidator]
internal sealed partial class OrleansMonitoringOptionsValidator : IValidateOptions<OrleansMonitoringOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static OrleansMonitoringOptionsValidator Instance { get; } = new();
}
