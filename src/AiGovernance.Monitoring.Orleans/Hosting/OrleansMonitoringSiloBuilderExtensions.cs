using System.Net;
using AiGovernance.Monitoring.Orleans;
using AiGovernance.Monitoring.Orleans.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;

namespace Orleans.Hosting;

/// <summary>Adds the drift window grains' storage and reminders to an Orleans silo, and configures a whole silo for the
/// embedded and multi-node modes.</summary>
public static class OrleansMonitoringSiloBuilderExtensions
{
    /// <summary>Adds what the window grains need to a silo you configure yourself: their grain storage
    /// (<see cref="OrleansMonitoringOptions.StorageName"/>) and the reminder service, in memory or on ADO.NET (PostgreSQL) as
    /// the options say, plus the services of <c>AddOrleansMonitoring</c>. Clustering is left to you.</summary>
    /// <param name="silo">The silo builder.</param>
    /// <param name="configure">Sets the options (also registered in DI, where the grains read them); the defaults when null.</param>
    /// <returns>The silo builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="silo"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static ISiloBuilder AddDriftWindows(this ISiloBuilder silo, Action<OrleansMonitoringOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var options = Snapshot(silo, configure);
        return ConfigureWindows(silo, options);
    }

    /// <summary>Configures a silo for drift monitoring from options: clustering (one localhost silo, or ADO.NET membership on
    /// PostgreSQL with the configured ports and address), cluster and service ids, storage and reminders.</summary>
    /// <param name="silo">The silo builder.</param>
    /// <param name="configure">Sets the options (also registered in DI); the defaults (embedded) when null.</param>
    /// <returns>The silo builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="silo"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static ISiloBuilder UseDriftMonitoringCluster(this ISiloBuilder silo, Action<OrleansMonitoringOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return ConfigureCluster(silo, Snapshot(silo, configure));
    }

    internal static ISiloBuilder ConfigureCluster(ISiloBuilder silo, OrleansMonitoringOptions options)
    {
        if (options.Clustering == ClusteringMode.AdoNet)
        {
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = options.AdoNetInvariant;
                o.ConnectionString = options.ConnectionString;
            });
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = options.ClusterId;
                o.ServiceId = options.ServiceId;
            });
            var address = options.AdvertisedIPAddress is null ? null : IPAddress.Parse(options.AdvertisedIPAddress);
            if (address is null)
            {
                silo.ConfigureEndpoints(options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
            }
            else
            {
                silo.ConfigureEndpoints(address, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
            }
        }
        else
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, null, options.ServiceId, options.ClusterId);
        }

        return ConfigureWindows(silo, options);
    }

    internal static ISiloBuilder ConfigureWindows(ISiloBuilder silo, OrleansMonitoringOptions options)
    {
        silo.Services.AddAiGovernance(b => OrleansMonitoringBuilderExtensions.AddCore(b));
        silo.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILifecycleParticipant<ISiloLifecycle>, OrleansSchemaInitializer>());
        if (options.Persistence == PersistenceMode.AdoNet)
        {
            silo.AddAdoNetGrainStorage(OrleansMonitoringOptions.StorageName, o =>
            {
                o.Invariant = options.AdoNetInvariant;
                o.ConnectionString = options.ConnectionString;
            });
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = options.AdoNetInvariant;
                o.ConnectionString = options.ConnectionString;
            });
        }
        else
        {
            silo.AddMemoryGrainStorage(OrleansMonitoringOptions.StorageName);
            silo.UseInMemoryReminderService();
        }

        if (options.CloseRetryPeriod < TimeSpan.FromMinutes(1))
        {
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = options.CloseRetryPeriod);
        }

        return silo;
    }

    private static OrleansMonitoringOptions Snapshot(ISiloBuilder silo, Action<OrleansMonitoringOptions>? configure)
    {
        var options = new OrleansMonitoringOptions();
        configure?.Invoke(options);
        AiGovernance.Shared.OptionsGuard.ThrowIfInvalid(options, nameof(configure),
            OrleansMonitoringOptionsValidator.Instance, OrleansMonitoringOptionsCustomValidator.Instance);
        if (configure is not null)
        {
            silo.Services.Configure(configure);
        }

        return options;
    }
}
