using Microsoft.Extensions.Hosting;

namespace AiGovernance.Storage.PostgreSql.DependencyInjection;

/// <summary>Opens, checks and migrates the database when the host starts, so an unreachable server, a wrong login or a newer
/// schema stops the service at start-up with one clear exception instead of at the first governance event.</summary>
internal sealed class PostgreSqlStorageInitializer(PostgreSqlGovernanceDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
