using System.Diagnostics.Metrics;
using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Deployment.FeatureManagement;
using AiGovernance.Deployment.Rollout;
using AiGovernance.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.FeatureManagement;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the feature-flag traffic target: a <see cref="FeatureFlagDeploymentTarget"/> that is the rollout's
/// <see cref="IDeploymentTarget"/> (replacing the in-process router target), and Microsoft.FeatureManagement's
/// <see cref="IFeatureDefinitionProvider"/> reading the application's configuration with the target's flag added last,
/// configured by validated <see cref="FeatureFlagTrafficOptions"/>.</summary>
/// <remarks>Call it after <c>services.AddFeatureManagement()</c> (which it completes) or instead of the definition provider
/// that call registers; a definition provider registered later replaces this one and the rollout's flag is not seen.</remarks>
public static class FeatureFlagTrafficBuilderExtensions
{
    /// <summary>Adds the feature-flag traffic target with the default options (the feature name must then be configured
    /// elsewhere, or start-up fails validation). Options are validated when the host starts; calling this again adds nothing.</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAiGovernanceBuilder AddFeatureFlagTraffic(this IAiGovernanceBuilder builder) => PackageRegistration.Add(builder, AddCore);

    /// <summary>Adds the feature-flag traffic target and adjusts its options (validated at start).</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <param name="configure">Adjusts the options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddFeatureFlagTraffic(this IAiGovernanceBuilder builder, Action<FeatureFlagTrafficOptions> configure) =>
        PackageRegistration.Add(builder, AddCore, configure);

    /// <summary>Adds the feature-flag traffic target with options bound from configuration (for example
    /// <c>Configuration.GetSection("AiGovernance:FeatureFlagTraffic")</c>).</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <param name="section">The configuration section holding <see cref="FeatureFlagTrafficOptions"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddFeatureFlagTraffic(this IAiGovernanceBuilder builder, IConfigurationSection section) =>
        PackageRegistration.Add<FeatureFlagTrafficOptions>(builder, AddCore, section,
            static (options, configuration) => options.Bind(configuration));

    private static void AddCore(IServiceCollection services)
    {
        if (!PackageRegistration.TryAddPackage<FeatureFlagTrafficMarker, FeatureFlagTrafficOptions, FeatureFlagTrafficOptionsValidator,
                FeatureFlagTrafficOptionsCustomValidator>(services))
        {
            return;
        }

        services.TryAddSingleton(sp => new FeatureFlagDeploymentTarget(
            sp.GetRequiredService<IOptions<FeatureFlagTrafficOptions>>().Value,
            sp.GetService<IAuditLog>(),
            sp.GetService<ILogger<FeatureFlagDeploymentTarget>>(),
            sp.GetService<IMeterFactory>()));
        services.TryAddSingleton(sp =>
            new FeatureFlagConfiguration(sp.GetService<IConfiguration>(), sp.GetRequiredService<FeatureFlagDeploymentTarget>()));
        services.Replace(ServiceDescriptor.Singleton<IFeatureDefinitionProvider>(sp =>
            // Merge feature flags by id, not by array index, so the rollout's flag neither overwrites nor is overwritten by
            // the application's flags at the same index; the flag added last (ours) wins for its id.
            new ConfigurationFeatureDefinitionProvider(sp.GetRequiredService<FeatureFlagConfiguration>().Root,
                new ConfigurationFeatureDefinitionProviderOptions { CustomConfigurationMergingEnabled = true })
            {
                Logger = sp.GetService<ILoggerFactory>()?.CreateLogger<ConfigurationFeatureDefinitionProvider>(),
            }));
        // The flag is the rollout's target: replace the in-process router target whether AddDeployment came first or not.
        services.RemoveAll<IDeploymentTarget>();
        services.AddSingleton<IDeploymentTarget>(sp => sp.GetRequiredService<FeatureFlagDeploymentTarget>());
    }

    /// <summary>Marks the collection as holding the feature-flag traffic target, so a second registration adds nothing twice.</summary>
    private sealed class FeatureFlagTrafficMarker;

    /// <summary>The application's configuration (when there is one) with the target's flag source added last; disposed with
    /// the container.</summary>
    private sealed class FeatureFlagConfiguration(IConfiguration? application, FeatureFlagDeploymentTarget target) : IDisposable
    {
        private readonly ConfigurationRoot _root = Combine(application, target);

        public IConfiguration Root => _root;

        public void Dispose() => _root.Dispose();

        private static ConfigurationRoot Combine(IConfiguration? application, FeatureFlagDeploymentTarget target)
        {
            var builder = new ConfigurationBuilder();
            if (application is not null)
            {
                builder.AddConfiguration(application, shouldDisposeConfiguration: false);
            }

            return (ConfigurationRoot)builder.Add(target).Build();
        }
    }
}
