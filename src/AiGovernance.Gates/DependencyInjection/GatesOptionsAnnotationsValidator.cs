using Microsoft.Extensions.Options;

namespace AiGovernance.Gates.DependencyInjection;

/// <summary>Source-generated (AOT-safe) validation of the data annotations of <see cref="GatesOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class GatesOptionsAnnotationsValidator : IValidateOptions<GatesOptions>
{
}
