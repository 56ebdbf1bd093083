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
    [Range(1, DeploymentDefaults.MaxRollbackMaxAttempts)]
    public int RollbackMaxAttempts { get; set; } = DeploymentDefaults.RollbackMaxAttempts;

    /// <summary>The wait before the second attempt; it doubles for every further attempt. Between zero and one hour.</summary>
    /// <value>The default value is 1 second.</value>
    #pragma warning disable IL2026 // Only the generated validator reads the attribute; it parses the bounds without a TypeConverter.
    [Range(typeof(TimeSpan), DeploymentDefaults.ZeroDuration, DeploymentDefaults.OneHour)]
    #pragma warning restore IL2026
    public TimeSpan RollbackBaseDelay { get; set; } = DeploymentDefaults.RollbackBaseDelay;

    /// <summary>The longest wait between two attempts. Between <see cref="RollbackBaseDelay"/> and one hour.</summary>
    /// <value>The default value is 30 seconds.</value>
    #pragma warning disable IL2026 // Only the generated validator reads the attribute; it parses the bounds without a TypeConverter.
    [Range(typeof(TimeSpan), DeploymentDefaults.ZeroDuration, DeploymentDefaults.OneHour)]
    #pragma warning restore IL2026
    public TimeSpan RollbackMaxDelay { get; set; } = DeploymentDefaults.RollbackMaxDelay;

    /// <summary>How long one call to the target (a rollback attempt or a traffic change) may take before it counts as
    /// failed and is cancelled. Positive, at most one hour.</summary>
    /// <value>The default value is 30 seconds.</value>
    #pragma warning disable IL2026 // Only the generated validator reads the attribute; it parses the bounds without a TypeConverter.
    [Range(typeof(TimeSpan), DeploymentDefaults.PositiveDuration, DeploymentDefaults.OneHour)]
    #pragma warning restore IL2026
    public TimeSpan TargetCallTimeout { get; set; } = DeploymentDefaults.TargetCallTimeout;

    /// <summary>How long the controller waits for one <see cref="IRolloutObserver"/> after a transition before it cancels and
    /// abandons it (the controller's lock is held meanwhile). Positive, at most one hour.</summary>
    /// <value>The default value is 5 seconds.</value>
    #pragma warning disable IL2026 // Only the generated validator reads the attribute; it parses the bounds without a TypeConverter.
    [Range(typeof(TimeSpan), DeploymentDefaults.PositiveDuration, DeploymentDefaults.OneHour)]
    #pragma warning restore IL2026
    public TimeSpan ObserverTimeout { get; set; } = DeploymentDefaults.ObserverTimeout;

    /// <summary>The wait before attempt <paramref name="attempt"/> (2 or more).</summary>
    internal TimeSpan DelayBefore(int attempt)
    {
        var ticks = RollbackBaseDelay.Ticks * Math.Pow(2, attempt - 2);
        return ticks >= RollbackMaxDelay.Ticks ? RollbackMaxDelay : TimeSpan.FromTicks((long)ticks);
    }
}
