using AiGovernance.Monitoring.Orleans;
using AiGovernance.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>Hosts continuous drift monitoring in a service: a silo in the service's own process (embedded: localhost
/// clustering, memory storage; multi-node: ADO.NET clustering and storage on PostgreSQL) plus the replica's drift collector.</summary>
public static class OrleansMonitoringHostBuilderExtensions
{
    /// <summary>Hosts the window grains in an Orleans silo in this process and records this replica's traffic, configured
    /// from <paramref name="section"/> (for example <c>builder.Configuration.GetSection("AiGovernance:Monitoring:Orleans")</c>).</summary>
    /// <param name="builder">The host application builder.</param>
    /// <param name="section">The section holding <see cref="OrleansMonitoringOptions"/>; the defaults (embedded) when null.</param>
    /// <param name="configure">Further adjustments in code, applied after the section; may be null.</param>
    /// <param name="configureSilo">Further silo configuration (other grains, dashboards); may be null.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid (the message lists every broken rule).</exception>
    /// <remarks>The silo is configured from the options as they are when this is called; the same section and action
    /// configure <see cref="OrleansMonitoringOptions"/> in DI.</remarks>
    public static IHostApplicationBuilder AddOrleansDriftMonitoring(
        this IHostApplicationBuilder builder,
        IConfigurationSection? section = null,
        Action<OrleansMonitoringOptions>? configure = null,
        Action<ISiloBuilder>? configureSilo = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new OrleansMonitoringOptions();
        if (section is not null)
        {
            section.Bind(options);
        }

        configure?.Invoke(options);
        OptionsGuard.ThrowIfInvalid(options, nameof(section), OrleansMonitoringOptionsValidator.Instance,
            OrleansMonitoringOptionsCustomValidator.Instance);
        builder.Services.AddAiGovernance(b =>
        {
            if (section is not null)
            {
                b.AddOrleansMonitoring(section);
            }

            if (configure is not null)
            {
                b.AddOrleansMonitoring(configure);
            }

            b.AddOrleansMonitoring();
        });
        builder.UseOrleans(silo =>
        {
            OrleansMonitoringSiloBuilderExtensions.ConfigureCluster(silo, options);
            configureSilo?.Invoke(silo);
        });
        return builder;
    }
}
