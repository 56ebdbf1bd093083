using Microsoft.Extensions.Options;

namespace AiGovernance.Monitoring;

/// <summary>Range checks generated from the data annotations on <see cref="DriftMonitoringOptions"/> and its parts.</summary>
[OptionsValidator]
internal sealed partial class DriftMonitoringOptionsValidator : IValidateOptions<DriftMonitoringOptions>
{
}
