using Microsoft.Extensions.Logging;

namespace AiGovernance.Deployment;

/// <summary>The Deployment package's log messages (event ids 4000–4999; docs/telemetry.md lists every package's range).</summary>
internal static partial class DeploymentLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Shadow candidate failed; the caller received the baseline result.")]
    public static partial void ShadowCandidateFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning,
        Message = "Shadow candidate exceeded its timeout of {Timeout}; the caller received the baseline result.")]
    public static partial void ShadowCandidateTimedOut(ILogger logger, TimeSpan timeout);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Shadow output comparer threw; the pair counts as a disagreement.")]
    public static partial void ShadowComparerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Rollout {Rollout}: {From} -> {To} at traffic {Traffic}: {Reason}")]
    public static partial void RolloutTransition(ILogger logger, string rollout, Rollout.RolloutState from, Rollout.RolloutState to, double traffic,
        string reason);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Critical, Message = "Rollout {Rollout} rolled back: {Reason}")]
    public static partial void RolloutRolledBack(ILogger logger, string rollout, string reason);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Error, Message = "Rollout {Rollout}: scheduled evaluation failed.")]
    public static partial void RolloutEvaluationFailed(ILogger logger, string rollout, Exception exception);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Error, Message = "Rollout {Rollout}: rollback attempt {Attempt} of {MaxAttempts} failed.")]
    public static partial void RollbackAttemptFailed(ILogger logger, string rollout, int attempt, int maxAttempts, Exception exception);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Critical,
        Message = "Rollout {Rollout}: rollback failed after {Attempts} attempts; traffic may still reach the candidate and an operator must act.")]
    public static partial void RollbackFailed(ILogger logger, string rollout, int attempts, Exception? exception);

    [LoggerMessage(EventId = 4015, Level = LogLevel.Error,
        Message = "Rollout {Rollout}: changing the candidate's traffic to {Traffic} failed; the rollout stays where it was.")]
    public static partial void TrafficChangeFailed(ILogger logger, string rollout, double traffic, Exception exception);

    [LoggerMessage(EventId = 4016, Level = LogLevel.Information,
        Message = "Rollout {Rollout}: controller {Holder} took the lease (epoch {Epoch}) and resumed in state {State}.")]
    public static partial void LeaseTaken(ILogger logger, string rollout, string holder, long epoch, Rollout.RolloutState state);

    [LoggerMessage(EventId = 4017, Level = LogLevel.Warning,
        Message = "Rollout {Rollout}: controller {Holder} lost the lease before saving a transition; it stands by and does not act.")]
    public static partial void LeaseLost(ILogger logger, string rollout, string holder);

    [LoggerMessage(EventId = 4018, Level = LogLevel.Warning,
        Message = "Rollout {Rollout}: observer {Observer} failed after the transition to {State}; the transition and its audit record stand.")]
    public static partial void ObserverFailed(ILogger logger, Exception exception, string observer, string rollout, Rollout.RolloutState state);
}
