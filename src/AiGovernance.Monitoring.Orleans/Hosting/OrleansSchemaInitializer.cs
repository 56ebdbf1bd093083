using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiGovernance.Monitoring.Orleans.Hosting;

/// <summary>Creates Orleans' PostgreSQL tables before the silo's clustering, storage and reminder providers start.</summary>
internal sealed class OrleansSchemaInitializer : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly OrleansMonitoringOptions _options;
    private readonly ILogger<OrleansSchemaInitializer> _logger;

    public OrleansSchemaInitializer(IOptions<OrleansMonitoringOptions> options, ILogger<OrleansSchemaInitializer> logger)
    {
        _options = options.Value;
        _logger = logger;
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(OrleansSchemaInitializer), ServiceLifecycleStage.RuntimeInitialize - 1, async ct =>
        {
            if (_options.CreateDatabaseSchema && (_options.Clustering == ClusteringMode.AdoNet || _options.Persistence == PersistenceMode.AdoNet))
            {
                await PostgreSqlOrleansSchema.EnsureCreatedAsync(_options.ConnectionString!, _logger, ct).ConfigureAwait(false);
            }
        });
}
