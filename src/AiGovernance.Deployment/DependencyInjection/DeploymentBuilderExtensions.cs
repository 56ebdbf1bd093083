using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Deployment;
using AiGovernance.Deployment.Recording;
using AiGovernance.Deployment.Rollout;
using AiGovernance.Deployment.Routing;
using AiGovernance.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the deployment services: a <see cref="CanaryRouter"/>, a <see cref="CanaryRecorder"/>, the
/// <see cref="RolloutController"/> with the <see cref="IRolloutCheck"/>s from DI, an <see cref="IDeploymentTarget"/>
/// (the in-process router unless one is registered), an <see cref="IRolloutStateStore"/> (in memory unless a durable one is
/// registered) and a hosted monitor, configured by validated <see cref="DeploymentOptions"/>.</summary>
public static class DeploymentBuilderExtensions
{
    /// <summary>Adds the deployment services with the default options. Options are validated when the host starts
    /// (<c>ValidateOnStart</c>); calling this again adds nothing.</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAiGovernanceBuilder AddDeployment(this IAiGovernanceBuilder builder) =>
        PackageRegistration.Add(builder, AddCore);

    /// <summary>Adds the deployment services and adjusts their options (validated at start; no service is added twice, only
    /// the further <paramref name="configure"/> action).</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <param name="configure">Adjusts the options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddDeployment(this IAiGovernanceBuilder builder, Action<DeploymentOptions> configure) =>
        PackageRegistration.Add(builder, AddCore, configure);

    /// <summary>Adds the deployment services with options bound from configuration (for example
    /// <c>Configuration.GetSection("Deployment")</c>).</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <param name="section">The configuration section holding <see cref="DeploymentOptions"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddDeployment(this IAiGovernanceBuilder builder, IConfigurationSection section) =>
        PackageRegistration.Add<DeploymentOptions>(builder, AddCore, section, static (options, configuration) => options.Bind(configuration));

    /// <summary>Adds the deployment services with the default options.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    [Obsolete("Use AddDeployment(); this name will be removed in the next release.")]
    public static IAiGovernanceBuilder AddDeploymentStrategies(this IAiGovernanceBuilder builder) => builder.AddDeployment();

    /// <summary>Adds the deployment services and adjusts their options.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Adjusts the options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    [Obsolete("Use AddDeployment(Action<DeploymentOptions>); this name will be removed in the next release.")]
    public static IAiGovernanceBuilder AddDeploymentStrategies(this IAiGovernanceBuilder builder, Action<DeploymentOptions> configure) =>
        builder.AddDeployment(configure);

    /// <summary>Adds the deployment services with options bound from configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The configuration section holding <see cref="DeploymentOptions"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    [Obsolete("Use AddDeployment(IConfigurationSection); this name will be removed in the next release.")]
    public static IAiGovernanceBuilder AddDeploymentStrategies(this IAiGovernanceBuilder builder, IConfigurationSection section) =>
        builder.AddDeployment(section);

    /// <summary>Adds a rollout check (for example a fairness check or a change freeze) asked before every stage advances.
    /// Adding the same check type twice adds it once.</summary>
    /// <typeparam name="TCheck">The check type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAiGovernanceBuilder AddRolloutCheck<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TCheck>(
        this IAiGovernanceBuilder builder)
        where TCheck : class, IRolloutCheck
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IRolloutCheck, TCheck>());
        return builder;
    }

    private static void AddCore(IServiceCollection services)
    {
        if (!PackageRegistration.TryAddPackage<DeploymentMarker, DeploymentOptions, DeploymentOptionsValidator,
                DeploymentOptionsCustomValidator>(services))
        {
            return;
        }

        services.TryAddSingleton(sp => new CanaryRecorder(sp.GetService<IMeterFactory>()));
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
                sp.GetServices<IRolloutCheck>(),
                sp.GetService<ILogger<RolloutController>>(),
                options.Resilience,
                sp.GetRequiredService<IRolloutStateStore>(),
                meterFactory: sp.GetService<IMeterFactory>(),
                observers: sp.GetServices<IRolloutObserver>())
            {
                Design = options.RoutingDesign,
            };
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RolloutMonitoringService>());
    }

    /// <summary>Marks the collection as holding the deployment services, so a second registration adds nothing twice.</summary>
    private sealed class DeploymentMarker;
}
