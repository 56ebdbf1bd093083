using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Deployment.Rollout;

/// <summary>How a <see cref="RolloutController"/> copes with an <see cref="IDeploymentTarget"/> that throws or hangs: every
/// call is time-boxed, and a failed rollback is retried with exponential back-off before the rollout is marked
/// <see cref="RolloutState.RollbackFailed"/>.</summary>
/// <remarks>Attempt <c>n</c> (from 2) waits <c>min(RollbackMaxDelay, RollbackBaseDelay × 2^(n−2))</c> on the controller's
/// <see cref="TimeProvider"/> first: 1 s, 2 s, 4 s, 8 s with the defaults (15 s of waiting over 5 attempts, plus at most
/// 5 × 30 s of time-boxed calls).</remarks>
public sealed class RolloutResilienceOptions
{
    /// <summary>How many times a rollback is tried before the rollout is marked <see cref="RolloutState.RollbackFailed"/>.
    /// Between 1 and 100.</summary>
    /// <value>The default value is 5.</value>
    [Range(1, RolloutResilienceDefaults.MaxRollbackMaxAttempts)]
    public int RollbackMaxAttempts { get; set; } = RolloutResilienceDefaults.RollbackMaxAttempts;

    /// <summary>The wait before the second attempt; it doubles for every further attempt. Between zero and one hour.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan RollbackBaseDelay { get; set; } = RolloutResilienceDefaults.RollbackBaseDelay;

    /// <summary>The longest wait between two attempts. Between <see cref="RollbackBaseDelay"/> and one hour.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan RollbackMaxDelay { get; set; } = RolloutResilienceDefaults.RollbackMaxDelay;

    /// <summary>How long one call to the target (a rollback attempt or a traffic change) may take before it counts as
    /// failed and is cancelled. Positive, at most one hour.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan TargetCallTimeout { get; set; } = RolloutResilienceDefaults.TargetCallTimeout;

    /// <summary>The wait before attempt <paramref name="attempt"/> (2 or more).</summary>
    internal TimeSpan DelayBefore(int attempt)
    {
        var ticks = RollbackBaseDelay.Ticks * Math.Pow(2, attempt - 2);
        return ticks >= RollbackMaxDelay.Ticks ? RollbackMaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Every broken rule, for options validation.</summary>
    internal List<string> Problems()
    {
        var problems = new List<string>();
        if (RollbackMaxAttempts is < 1 or > RolloutResilienceDefaults.MaxRollbackMaxAttempts)
        {
            problems.Add($"{nameof(RollbackMaxAttempts)} must be between 1 and {RolloutResilienceDefaults.MaxRollbackMaxAttempts}; got {RollbackMaxAttempts}.");
        }

        if (RollbackBaseDelay < TimeSpan.Zero || RollbackBaseDelay > RolloutResilienceDefaults.MaxDuration)
        {
            problems.Add($"{nameof(RollbackBaseDelay)} must be between 0 and 1 hour; got {RollbackBaseDelay}.");
        }

        if (RollbackMaxDelay < RollbackBaseDelay || RollbackMaxDelay > RolloutResilienceDefaults.MaxDuration)
        {
            problems.Add($"{nameof(RollbackMaxDelay)} must be between {nameof(RollbackBaseDelay)} and 1 hour; got {RollbackMaxDelay}.");
        }

        if (TargetCallTimeout <= TimeSpan.Zero || TargetCallTimeout > RolloutResilienceDefaults.MaxDuration)
        {
            problems.Add($"{nameof(TargetCallTimeout)} must be positive and at most 1 hour; got {TargetCallTimeout}.");
        }

        return problems;
    }

    internal void ThrowIfInvalid(string paramName)
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentOutOfRangeException(paramName, string.Join(" ", problems));
        }
    }
}
