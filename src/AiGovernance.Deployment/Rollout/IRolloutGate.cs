namespace AiGovernance.Deployment.Rollout;

/// <summary>A check a rollout stage must pass before it advances (fairness, business rules, approvals). Registered in
/// DI; every registered gate is asked after the built-in canary analysis passes.</summary>
public interface IRolloutGate
{
    /// <summary>The gate's name, for audit and logs.</summary>
    string Name { get; }

    /// <summary>Judges the current stage.</summary>
    /// <param name="context">The rollout, stage and canary analysis.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <returns>The verdict: <see cref="Canary.CanaryDecision.ProceedToFullRollout"/> to allow advancing,
    /// <see cref="Canary.CanaryDecision.RollbackImmediately"/> to roll back, anything else to wait.</returns>
    ValueTask<RolloutGateResult> EvaluateAsync(RolloutGateContext context, CancellationToken cancellationToken);
}
