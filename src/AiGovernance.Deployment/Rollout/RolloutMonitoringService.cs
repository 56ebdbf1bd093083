using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AiGovernance.Deployment.Rollout;

/// <summary>A hosted service that evaluates the registered <see cref="RolloutController"/> every
/// <see cref="DeploymentOptions.MonitoringInterval"/> on the <see cref="TimeProvider"/> (nothing when it is null).</summary>
internal sealed class RolloutMonitoringService(RolloutController controller, IOptions<DeploymentOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MonitoringInterval is { } interval)
        {
            controller.StartMonitoring(interval);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        controller.StopMonitoring();
        if (options.Value.MonitoringInterval is not null)
        {
            // Hand the rollout to a standby replica at once instead of after the lease expires.
            await controller.ReleaseLeaseAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
