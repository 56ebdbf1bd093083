using System.Diagnostics.Metrics;
using AiGovernance.Core;
using AiGovernance.Core.Reports;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Orleans;
using AiGovernance.Monitoring.Orleans.Collection;
using AiGovernance.Monitoring.Orleans.References;
using AiGovernance.Monitoring.Orleans.Windows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers continuous drift monitoring on Orleans: the replica's <see cref="DriftCollector"/> and its flush
/// service, and what the window grains need (references, report sink, telemetry).</summary>
/// <remarks>The grains themselves run in a silo: <c>siloBuilder.AddDriftWindows(o => ...)</c> adds their storage and
/// reminders to a silo you configure; <c>builder.AddOrleansDriftMonitoring(section)</c> hosts a whole silo in the process.</remarks>
public static class OrleansMonitoringBuilderExtensions
{
    /// <summary>Adds the services with the default options (validated at start-up). Calling it again adds nothing twice.</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAiGovernanceBuilder AddOrleansMonitoring(this IAiGovernanceBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddCore(builder);
        return builder;
    }

    /// <summary>Adds the services and adjusts their options in code.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Adjusts the options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddOrleansMonitoring(this IAiGovernanceBuilder builder, Action<OrleansMonitoringOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        AddCore(builder);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Adds the services with options bound from configuration (for example <c>AiGovernance:Monitoring:Orleans</c>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The section holding <see cref="OrleansMonitoringOptions"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddOrleansMonitoring(this IAiGovernanceBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        AddCore(builder);
        builder.Services.AddOptions<OrleansMonitoringOptions>().Bind(section);
        return builder;
    }

    /// <summary>Registers a system's fitted reference in code (instead of, or besides, reference files).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="systemId">The AI system.</param>
    /// <param name="reference">Its reference.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="systemId"/> is empty.</exception>
    public static IAiGovernanceBuilder AddDriftReference(this IAiGovernanceBuilder builder, string systemId, DriftReference reference)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(systemId);
        ArgumentNullException.ThrowIfNull(reference);
        AddCore(builder);
        builder.Services.AddSingleton(new ReferenceRegistration(systemId, reference));
        return builder;
    }

    internal static void AddCore(IAiGovernanceBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(OrleansMonitoringMarker)))
        {
            return;
        }

        builder.AddMonitoring();
        services.AddSingleton<OrleansMonitoringMarker>();
        services.AddOptions<OrleansMonitoringOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OrleansMonitoringOptions>, OrleansMonitoringOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OrleansMonitoringOptions>, OrleansMonitoringOptionsCustomValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => OrleansMonitoringTelemetry.Create(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton(sp =>
        {
            var catalog = new DriftReferenceCatalog(Options(sp));
            foreach (var registration in sp.GetServices<ReferenceRegistration>())
            {
                catalog.Add(registration.SystemId, registration.Reference);
            }

            return catalog;
        });
        services.TryAddSingleton<IDriftReferenceProvider>(sp => sp.GetRequiredService<DriftReferenceCatalog>());
        services.TryAddSingleton<InMemoryDriftWindowReportSink>();
        services.TryAddSingleton<IDriftWindowReportSink>(sp =>
            new ReportHistoryDriftWindowReportSink(sp.GetRequiredService<IGovernanceReportStore>(),
                sp.GetRequiredService<InMemoryDriftWindowReportSink>()));
        services.TryAddSingleton<IDriftPartialSink>(sp => new GrainDriftPartialSink(sp.GetRequiredService<IGrainFactory>()));
        services.AddResiliencePipeline(OrleansMonitoringDefaults.FlushPipelineKey,
            (pipeline, context) => DriftCollector.ConfigurePipeline(pipeline, Options(context.ServiceProvider)));
        services.TryAddSingleton(sp =>
        {
            var options = Options(sp);
            var systemId = options.SystemId
                ?? throw new InvalidOperationException("The drift collector needs OrleansMonitoringOptions.SystemId (the AI system it records).");
            var reference = sp.GetRequiredService<IDriftReferenceProvider>().GetAsync(systemId).AsTask().GetAwaiter().GetResult();
            return new DriftCollector(
                systemId,
                reference,
                sp.GetRequiredService<IDriftPartialSink>(),
                options,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetService<ILogger<DriftCollector>>(),
                sp.GetService<IMeterFactory>(),
                sp.GetRequiredService<Polly.Registry.ResiliencePipelineProvider<string>>()
                    .GetPipeline(OrleansMonitoringDefaults.FlushPipelineKey));
        });
        services.AddHostedService<DriftCollectorService>();
    }

    private static OrleansMonitoringOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<OrleansMonitoringOptions>>().Value;

    /// <summary>Marks the collection as holding the services, so a second registration adds nothing twice.</summary>
    private sealed class OrleansMonitoringMarker;

    /// <summary>A reference registered in code.</summary>
    private sealed record ReferenceRegistration(string SystemId, DriftReference Reference);
}
