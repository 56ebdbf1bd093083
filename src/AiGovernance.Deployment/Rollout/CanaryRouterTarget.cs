using AiGovernance.Deployment.Routing;

namespace AiGovernance.Deployment.Rollout;

/// <summary>An <see cref="IDeploymentTarget"/> that steers an in-process <see cref="CanaryRouter"/>.</summary>
/// <param name="router">The router whose fraction the rollout sets.</param>
public sealed class CanaryRouterTarget(CanaryRouter router) : IDeploymentTarget
{
    private readonly CanaryRouter _router = router ?? throw new ArgumentNullException(nameof(router));

    /// <summary>The router steered; its <see cref="CanaryRouter.Design"/> tells the rollout which statistics apply.</summary>
    public CanaryRouter Router => _router;

    /// <inheritdoc />
    public ValueTask SetTrafficAsync(double candidateFraction, CancellationToken cancellationToken)
    {
        _router.TrafficFraction = candidateFraction;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask RollBackAsync(string reason, CancellationToken cancellationToken)
    {
        _router.TrafficFraction = 0.0;
        return ValueTask.CompletedTask;
    }
}
