namespace AiGovernance.Deployment.Rollout;

/// <summary>Defaults of <see cref="RolloutResilienceOptions"/>.</summary>
internal static class RolloutResilienceDefaults
{
    public const int RollbackMaxAttempts = 5;
    public const int MaxRollbackMaxAttempts = 100;
    public static readonly TimeSpan RollbackBaseDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan RollbackMaxDelay = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan TargetCallTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(1);
}
