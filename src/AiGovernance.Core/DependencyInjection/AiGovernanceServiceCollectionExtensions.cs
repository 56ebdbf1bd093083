using System.Diagnostics.Metrics;
using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Core.Reports;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers AiGovernance in a service collection.</summary>
public static class AiGovernanceServiceCollectionExtensions
{
    /// <summary>Registers the services every package shares, once: <see cref="TimeProvider.System"/> (unless a clock is
    /// already registered), the in-memory audit log and report history (unless already registered) and the
    /// <see cref="IMeterFactory"/> the packages create their meters with (<c>AddMetrics</c>).
    /// Every package's <c>AddX</c> calls it, so the packages never register these themselves. Calling it again adds
    /// nothing.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>A builder on which each package adds its services.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IAiGovernanceBuilder AddAiGovernance(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAuditLog>(sp => new InMemoryAuditLog(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IGovernanceReportStore>(sp => new InMemoryGovernanceReportStore(sp.GetRequiredService<IAuditLog>()));
        if (!services.Any(d => d.ServiceType == typeof(IMeterFactory)))
        {
            // AddMetrics is not idempotent (it adds a descriptor on every call); a host's own registration wins.
            services.AddMetrics();
        }

        return new AiGovernanceBuilder(services);
    }

    /// <summary>Registers the shared services and lets <paramref name="configure"/> add packages.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adds packages, for example <c>b =&gt; b.UseFileAuditLog("audit.jsonl")</c>.</param>
    /// <returns>The service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddAiGovernance(this IServiceCollection services, Action<IAiGovernanceBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(services.AddAiGovernance());
        return services;
    }
}
