using AiGovernance.Deployment.Rollout;

namespace AiGovernance.Reporting.Canary;

/// <summary>One transition or evaluation of a staged rollout.</summary>
/// <param name="At">When the stage or state began.</param>
/// <param name="State">The state.</param>
/// <param name="StageIndex">The stage (−1 before the canary starts).</param>
/// <param name="TrafficFraction">The candidate's share of traffic.</param>
/// <param name="Reason">Why the transition happened.</param>
public sealed record RolloutHistoryEntry(DateTimeOffset At, RolloutState State, int StageIndex, double TrafficFraction, string Reason)
{
    /// <summary>Takes a persisted rollout state.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public static RolloutHistoryEntry From(RolloutStateRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.StageStartedAt, record.State, record.StageIndex, record.TrafficFraction, record.Reason);
    }

    /// <summary>Takes a rollout status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="status"/> is null.</exception>
    public static RolloutHistoryEntry From(RolloutStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new(status.StageStartedAt, status.State, status.StageIndex, status.TrafficFraction, status.Reason);
    }
}
