using System.Diagnostics.Metrics;
using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Deployment.Rollout;
using AiGovernance.Deployment.Yarp;
using AiGovernance.Deployment.Yarp.Routing;
using AiGovernance.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.LoadBalancing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the YARP traffic target: a <see cref="YarpDeploymentTarget"/> that is the rollout's
/// <see cref="IDeploymentTarget"/> (replacing the in-process router target) and one of YARP's
/// <see cref="IProxyConfigProvider"/>s, its load-balancing policy and its configuration-change listener, configured by
/// validated <see cref="YarpTrafficOptions"/>. Add YARP itself with <c>services.AddReverseProxy()</c> and
/// <c>app.MapReverseProxy()</c>.</summary>
public static class YarpTrafficBuilderExtensions
{
    /// <summary>Adds the YARP traffic target with the default options (the two addresses must then be configured elsewhere,
    /// or start-up fails validation). Options are validated when the host starts; calling this again adds nothing.</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAiGovernanceBuilder AddYarpTraffic(this IAiGovernanceBuilder builder) => PackageRegistration.Add(builder, AddCore);

    /// <summary>Adds the YARP traffic target and adjusts its options (validated at start).</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <param name="configure">Adjusts the options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddYarpTraffic(this IAiGovernanceBuilder builder, Action<YarpTrafficOptions> configure) =>
        PackageRegistration.Add(builder, AddCore, configure);

    /// <summary>Adds the YARP traffic target with options bound from configuration (for example
    /// <c>Configuration.GetSection("AiGovernance:Yarp")</c>).</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <param name="section">The configuration section holding <see cref="YarpTrafficOptions"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddYarpTraffic(this IAiGovernanceBuilder builder, IConfigurationSection section) =>
        PackageRegistration.Add<YarpTrafficOptions>(builder, AddCore, section, static (options, configuration) => options.Bind(configuration));

    private static void AddCore(IServiceCollection services)
    {
        if (!PackageRegistration.TryAddPackage<YarpTrafficMarker, YarpTrafficOptions, YarpTrafficOptionsValidator,
                YarpTrafficOptionsCustomValidator>(services))
        {
            return;
        }

        services.TryAddSingleton(sp => new YarpDeploymentTarget(
            sp.GetRequiredService<IOptions<YarpTrafficOptions>>().Value,
            sp.GetService<IAuditLog>(),
            sp.GetService<ILogger<YarpDeploymentTarget>>(),
            sp.GetService<IMeterFactory>()));
        services.AddSingleton<IProxyConfigProvider>(sp => sp.GetRequiredService<YarpDeploymentTarget>());
        services.AddSingleton<ILoadBalancingPolicy>(sp => new StableBucketLoadBalancingPolicy(
            sp.GetRequiredService<IOptions<YarpTrafficOptions>>().Value, YarpTrafficTelemetry.Create(sp.GetService<IMeterFactory>())));
        services.AddSingleton<IConfigChangeListener>(sp => new RolloutConfigChangeListener(sp.GetRequiredService<YarpDeploymentTarget>()));
        // The proxy is the rollout's target: replace the in-process router target whether AddDeployment came first or not.
        services.RemoveAll<IDeploymentTarget>();
        services.AddSingleton<IDeploymentTarget>(sp => sp.GetRequiredService<YarpDeploymentTarget>());
    }

    /// <summary>Marks the collection as holding the YARP traffic target, so a second registration adds nothing twice.</summary>
    private sealed class YarpTrafficMarker;
}
