using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Monitoring;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Monitoring.Trends;
using AiGovernance.Monitoring.VendorSla;
using AiGovernance.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers monitoring on the <see cref="IAiGovernanceBuilder"/>: <see cref="DataDriftDetector"/>,
/// <see cref="PredictionDriftDetector"/>, <see cref="DriftSeverityPolicy"/>, <see cref="DriftResponseWorkflow"/>,
/// <see cref="ConceptDriftDetector"/> and <see cref="VendorMonitorFactory"/> as singletons, configured by validated
/// <see cref="MonitoringOptions"/>.</summary>
public static class MonitoringBuilderExtensions
{
    /// <summary>Adds monitoring with the default options. Options are validated when the host starts
    /// (<c>ValidateOnStart</c>); calling this again adds nothing.</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAiGovernanceBuilder AddMonitoring(this IAiGovernanceBuilder builder) =>
        PackageRegistration.Add(builder, AddServices);

    /// <summary>Adds monitoring and adjusts its options in code (validated at start; no service is added twice, only the
    /// further <paramref name="configure"/> action).</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <param name="configure">Edits the options; applied in registration order after configuration binding.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddMonitoring(this IAiGovernanceBuilder builder, Action<MonitoringOptions> configure) =>
        PackageRegistration.Add(builder, AddServices, configure);

    /// <summary>Adds monitoring with options bound from configuration, for example
    /// <c>configuration.GetSection("AiGovernance:Monitoring")</c>.</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <param name="section">The section holding <see cref="MonitoringOptions"/>' properties.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddMonitoring(this IAiGovernanceBuilder builder, IConfigurationSection section) =>
        PackageRegistration.Add<MonitoringOptions>(builder, AddServices, section, static (options, configuration) => options.Bind(configuration));

    /// <summary>Adds monitoring with the default options.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    [Obsolete("Use AddMonitoring(); this name will be removed in the next release.")]
    public static IAiGovernanceBuilder AddDriftMonitoring(this IAiGovernanceBuilder builder) => builder.AddMonitoring();

    /// <summary>Adds monitoring and adjusts its options in code.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Edits the options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    [Obsolete("Use AddMonitoring(Action<MonitoringOptions>); this name will be removed in the next release.")]
    public static IAiGovernanceBuilder AddDriftMonitoring(this IAiGovernanceBuilder builder, Action<MonitoringOptions> configure) =>
        builder.AddMonitoring(configure);

    /// <summary>Adds monitoring with options bound from configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The section holding <see cref="MonitoringOptions"/>' properties.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    [Obsolete("Use AddMonitoring(IConfigurationSection); this name will be removed in the next release.")]
    public static IAiGovernanceBuilder AddDriftMonitoring(this IAiGovernanceBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return PackageRegistration.Add<MonitoringOptions>(builder, AddServices, configuration, static (options, section) => options.Bind(section));
    }

    /// <summary>Adds a drift response handler, invoked by the <see cref="DriftResponseWorkflow"/> for events at or above its
    /// minimum severity. Adding the same handler type again adds nothing.</summary>
    /// <typeparam name="THandler">The handler type, resolved as a singleton.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAiGovernanceBuilder AddDriftResponseHandler<[DynamicallyAccessedMembers(PublicConstructors)] THandler>(
        this IAiGovernanceBuilder builder)
        where THandler : class, IDriftResponseHandler
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDriftResponseHandler, THandler>());
        return builder;
    }

    private static void AddServices(IServiceCollection services)
    {
        if (!PackageRegistration.TryAddPackage<MonitoringMarker, MonitoringOptions, MonitoringOptionsValidator,
                MonitoringOptionsCustomValidator>(services))
        {
            return;
        }

        services.TryAddSingleton(sp => new DriftSeverityPolicy(Options(sp).Severity));
        services.TryAddSingleton(sp => new ConceptDriftDetector(Options(sp).ConceptDrift));
        services.TryAddSingleton<VendorMonitorFactory>();
        services.TryAddSingleton(sp => new DataDriftDetector(
            Options(sp).DataDrift,
            sp.GetRequiredService<DriftSeverityPolicy>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<IMeterFactory>()));
        services.TryAddSingleton(sp => new PredictionDriftDetector(Options(sp).PredictionDrift));
        services.TryAddSingleton(sp => new DriftResponseWorkflow(
            sp.GetServices<IDriftResponseHandler>(),
            sp.GetRequiredService<IAuditLog>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<DriftSeverityPolicy>(),
            Options(sp).Response,
            sp.GetService<ILogger<DriftResponseWorkflow>>(),
            sp.GetService<IMeterFactory>()));
    }

    private static MonitoringOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<MonitoringOptions>>().Value;

    /// <summary>Marks the collection as holding the monitoring services, so a second registration adds nothing twice.</summary>
    private sealed class MonitoringMarker;
}
