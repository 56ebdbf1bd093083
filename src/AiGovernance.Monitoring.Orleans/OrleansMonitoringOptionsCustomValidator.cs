using System.Net;
using Microsoft.Extensions.Options;

namespace AiGovernance.Monitoring.Orleans;

/// <summary>The rules of <see cref="OrleansMonitoringOptions"/> that attributes cannot state: a connection string for the
/// ADO.NET modes, an address that parses, reference paths that are not blank, a reference for the collector's system.</summary>
internal sealed class OrleansMonitoringOptionsCustomValidator : IValidateOptions<OrleansMonitoringOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static OrleansMonitoringOptionsCustomValidator Instance { get; } = new();

    public ValidateOptionsResult Validate(string? name, OrleansMonitoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if ((options.Clustering == ClusteringMode.AdoNet || options.Persistence == PersistenceMode.AdoNet)
            && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            builder.AddError("AdoNet clustering or persistence needs a connection string.", nameof(OrleansMonitoringOptions.ConnectionString));
        }

        if (!Enum.IsDefined(options.Clustering))
        {
            builder.AddError($"Unknown clustering mode {options.Clustering}.", nameof(OrleansMonitoringOptions.Clustering));
        }

        if (!Enum.IsDefined(options.Persistence))
        {
            builder.AddError($"Unknown persistence mode {options.Persistence}.", nameof(OrleansMonitoringOptions.Persistence));
        }

        if (options.SystemId is not null && string.IsNullOrWhiteSpace(options.SystemId))
        {
            builder.AddError("The system id, when given, must not be empty.", nameof(OrleansMonitoringOptions.SystemId));
        }

        if (options.ReferencePath is not null && string.IsNullOrWhiteSpace(options.ReferencePath))
        {
            builder.AddError("The reference path, when given, must not be empty.", nameof(OrleansMonitoringOptions.ReferencePath));
        }

        foreach (var (system, path) in options.References)
        {
            if (string.IsNullOrWhiteSpace(system) || string.IsNullOrWhiteSpace(path))
            {
                builder.AddError("Every reference needs a system id and a path.", nameof(OrleansMonitoringOptions.References));
            }
        }

        if (options.AdvertisedIPAddress is not null && !IPAddress.TryParse(options.AdvertisedIPAddress, out _))
        {
            builder.AddError($"'{options.AdvertisedIPAddress}' is not an IP address.", nameof(OrleansMonitoringOptions.AdvertisedIPAddress));
        }

        if (options.Clustering == ClusteringMode.AdoNet && options.SiloPort == options.GatewayPort)
        {
            builder.AddError("The silo and gateway ports must differ.", nameof(OrleansMonitoringOptions.GatewayPort));
        }

        return builder.Build();
    }
}
