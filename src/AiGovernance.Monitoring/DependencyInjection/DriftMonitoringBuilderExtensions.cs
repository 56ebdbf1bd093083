using System.Diagnostics.CodeAnalysis;
using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Monitoring;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Monitoring.Trends;
using AiGovernance.Monitoring.Vendors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers drift monitoring on the <see cref="IAiGovernanceBuilder"/>.</summary>
public static class DriftMonitoringBuilderExtensions
{
    /// <summary>Registers drift monitoring with default options: <see cref="DataDriftDetector"/>,
    /// <see cref="PredictionDriftDetector"/>, <see cref="DriftSeverityPolicy"/>, <see cref="DriftResponseWorkflow"/>,
    /// <see cref="ConceptDriftDetector"/> and <see cref="VendorMonitorFactory"/>
    /// as singletons, and validation of <see cref="DriftMonitoringOptions"/> at start-up. Calling it again adds nothing.</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAiGovernanceBuilder AddDriftMonitoring(this IAiGovernanceBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(DriftMonitoringMarker)))
        {
            return builder;
        }

        services.AddSingleton<DriftMonitoringMarker>();
        services.AddOptions<DriftMonitoringOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DriftMonitoringOptions>, DriftMonitoringOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DriftMonitoringOptions>, DriftMonitoringOptionsCrossFieldValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAuditLog>(sp => new InMemoryAuditLog(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new DriftSeverityPolicy(sp.GetRequiredService<IOptions<DriftMonitoringOptions>>().Value.Severity));
        services.TryAddSingleton(sp => new ConceptDriftDetector(sp.GetRequiredService<IOptions<DriftMonitoringOptions>>().Value.ConceptDrift));
        services.TryAddSingleton<VendorMonitorFactory>();
        services.TryAddSingleton(sp => new DataDriftDetector(
            sp.GetRequiredService<IOptions<DriftMonitoringOptions>>().Value.DataDrift,
            sp.GetRequiredService<DriftSeverityPolicy>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new PredictionDriftDetector(sp.GetRequiredService<IOptions<DriftMonitoringOptions>>().Value.PredictionDrift));
        services.TryAddSingleton(sp => new DriftResponseWorkflow(
            sp.GetServices<IDriftResponseHandler>(),
            sp.GetRequiredService<IAuditLog>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<DriftSeverityPolicy>(),
            sp.GetRequiredService<IOptions<DriftMonitoringOptions>>().Value.Response,
            sp.GetService<ILogger<DriftResponseWorkflow>>()));
        return builder;
    }

    /// <summary>Registers drift monitoring and configures its options in code.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Edits the options; applied in registration order after configuration binding.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddDriftMonitoring(this IAiGovernanceBuilder builder, Action<DriftMonitoringOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        builder.AddDriftMonitoring();
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Registers drift monitoring and binds its options from configuration, for example
    /// <c>configuration.GetSection("AiGovernance:Monitoring")</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The section holding <see cref="DriftMonitoringOptions"/>'s properties.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddDriftMonitoring(this IAiGovernanceBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        builder.AddDriftMonitoring();
        builder.Services.Configure<DriftMonitoringOptions>(configuration);
        return builder;
    }

    /// <summary>Adds a drift response handler, invoked by the <see cref="DriftResponseWorkflow"/> for events at or above its
    /// minimum severity. Adding the same handler type again adds nothing.</summary>
    /// <typeparam name="THandler">The handler type, resolved as a singleton.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAiGovernanceBuilder AddDriftResponseHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this IAiGovernanceBuilder builder)
        where THandler : class, IDriftResponseHandler
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDriftResponseHandler, THandler>());
        return builder;
    }

    private sealed class DriftMonitoringMarker;
}
