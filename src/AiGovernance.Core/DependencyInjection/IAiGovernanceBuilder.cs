using Microsoft.Extensions.DependencyInjection;

namespace AiGovernance.Core;

/// <summary>Returned by <c>services.AddAiGovernance()</c>; each package adds <c>builder.AddXxx(...)</c> extensions.</summary>
public interface IAiGovernanceBuilder
{
    /// <summary>The service collection being configured.</summary>
    IServiceCollection Services { get; }
}
