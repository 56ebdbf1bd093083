using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Deployment.DependencyInjection;
using AiGovernance.Deployment.Recording;
using AiGovernance.Deployment.Rollout;
using AiGovernance.Deployment.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers deployment strategies: a <see cref="CanaryRouter"/>, a <see cref="CanaryRecorder"/>, the
/// <see cref="RolloutController"/> with the <see cref="IRolloutGate"/>s from DI, an <see cref="IDeploymentTarget"/>
/// (the in-process router unless one is registered), an <see cref="IRolloutStateStore"/> (in memory unless a durable one is
/// registered) and a hosted monitor, configured by validated <see cref="DeploymentOptions"/>.</summary>
public static class DeploymentBuilderExtensions
{
    /// <summary>Adds deployment strategies with the default options. Options are validated when the host starts
    /// (<c>ValidateOnStart</c>); calling this again adds nothing.</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAiGovernanceBuilder AddDeploymentStrategies(this IAiGovernanceBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddCore(builder.Services);
        return builder;
    }

    /// <summary>Adds deployment strategies and adjusts their options (validated at start; no service is added twice).</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <param name="configure">Adjusts the options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddDeploymentStrategies(this IAiGovernanceBuilder builder, Action<DeploymentOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        AddCore(builder.Services);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Adds deployment strategies with options bound from configuration (for example <c>Configuration.GetSection("Deployment")</c>).</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <param name="section">The configuration section holding <see cref="DeploymentOptions"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddDeploymentStrategies(this IAiGovernanceBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        AddCore(builder.Services);
        builder.Services.AddOptions<DeploymentOptions>().Bind(section);
        return builder;
    }

    /// <summary>Adds a rollout gate (for example a fairness gate) consulted before every stage advances. Adding the same
    /// gate type twice adds it once.</summary>
    /// <typeparam name="TGate">The gate type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAiGovernanceBuilder AddRolloutGate<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicConstructors)] TGate>(this IAiGovernanceBuilder builder)
        where TGate : class, IRolloutGate
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IRolloutGate, TGate>());
        return builder;
    }

    private static void AddCore(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(DeploymentMarker))
            {
                return;
            }
        }

        services.AddSingleton<DeploymentMarker>();
        services.AddOptions<DeploymentOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeploymentOptions>, DeploymentOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAuditLog>(sp => new InMemoryAuditLog(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<CanaryRecorder>();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DeploymentOptions>>().Value;
            return new CanaryRouter(options.RolloutName) { Design = options.RoutingDesign, RecentUnitCacheSize = options.RecentUnitCacheSize };
        });
        services.TryAddSingleton<IDeploymentTarget>(sp => new CanaryRouterTarget(sp.GetRequiredService<CanaryRouter>()));
        services.TryAddSingleton<IRolloutStateStore, InMemoryRolloutStateStore>();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DeploymentOptions>>().Value;
            return new RolloutController(
                options.CreatePlan(),
                sp.GetRequiredService<IDeploymentTarget>(),
                sp.GetRequiredService<CanaryRecorder>(),
                sp.GetRequiredService<IAuditLog>(),
                sp.GetRequiredService<TimeProvider>(),
                options.Canary,
                sp.GetServices<IRolloutGate>(),
                sp.GetService<ILogger<RolloutController>>(),
                options.Resilience,
                sp.GetRequiredService<IRolloutStateStore>())
            {
                Design = options.RoutingDesign,
            };
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RolloutMonitoringService>());
    }

    /// <summary>Marks the collection as holding the deployment services, so a second registration adds nothing twice.</summary>
    private sealed class DeploymentMarker;
}
