namespace AiGovernance.Deployment.Rollout;

/// <summary>A check a rollout stage must pass before it advances (fairness, business rules, a change freeze, approvals).
/// Registered in DI with <c>AddRolloutCheck&lt;T&gt;()</c>; every registered check is asked, in registration order, after the
/// built-in canary analysis passes and the stage's minimum duration and sample are reached.</summary>
public interface IRolloutCheck
{
    /// <summary>The check's name, for audit and logs.</summary>
    string Name { get; }

    /// <summary>Judges the current stage.</summary>
    /// <param name="context">The rollout, stage and canary analysis.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <returns>The outcome: <see cref="RolloutCheckOutcome.Proceed"/> to allow advancing, <see cref="RolloutCheckOutcome.RollBack"/>
    /// to roll back at once, <see cref="RolloutCheckOutcome.Hold"/> to keep the current traffic.</returns>
    ValueTask<RolloutCheckResult> EvaluateAsync(RolloutCheckContext context, CancellationToken cancellationToken);
}
