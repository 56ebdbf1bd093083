using Microsoft.Extensions.Options;

namespace AiGovernance.Monitoring;

/// <summary>The <c>[Range]</c>/<c>[Required]</c> rules of <see cref="MonitoringOptions"/> and its parts, checked by generated
/// code (trim- and AOT-safe). Registered with <c>ValidateOnStart</c> by <c>AddMonitoring</c>.</summary>
[OptionsValidator]
internal sealed partial class MonitoringOptionsValidator : IValidateOptions<MonitoringOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static MonitoringOptionsValidator Instance { get; } = new();
}
