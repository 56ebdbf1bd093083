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

    public Task StopAsync(CancellationToken cancellationToken)
    {
        controller.StopMonitoring();
        return Task.CompletedTask;
    }
}
