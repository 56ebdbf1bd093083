using Microsoft.Extensions.Hosting;

namespace AiGovernance.Storage.Sqlite.DependencyInjection;

/// <summary>Opens, checks and migrates the database when the host starts, so a wrong path, a read-only file or a newer
/// schema stops the service at start-up with one clear exception instead of at the first governance event.</summary>
internal sealed class SqliteStorageInitializer(SqliteGovernanceDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
