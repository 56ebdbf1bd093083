using Microsoft.Extensions.DependencyInjection;

namespace AiGovernance.Core;

internal sealed class AiGovernanceBuilder(IServiceCollection services) : IAiGovernanceBuilder
{
    public IServiceCollection Services { get; } = services;
}
