namespace AiGovernance.Deployment.Rollout;

/// <summary>What a rollout controls, implemented by the user: a load balancer, a feature flag, a service mesh, or an
/// in-process <see cref="Routing.CanaryRouter"/>.</summary>
public interface IDeploymentTarget
{
    /// <summary>Sends <paramref name="candidateFraction"/> of traffic to the candidate.</summary>
    /// <param name="candidateFraction">The share in [0, 1].</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>A task that completes when the change is in effect.</returns>
    ValueTask SetTrafficAsync(double candidateFraction, CancellationToken cancellationToken);

    /// <summary>Returns all traffic to the baseline and retires the candidate.</summary>
    /// <param name="reason">Why, for the operator.</param>
    /// <param name="cancellationToken">Cancels the rollback.</param>
    /// <returns>A task that completes when the rollback is in effect.</returns>
    ValueTask RollBackAsync(string reason, CancellationToken cancellationToken);
}
