namespace AiGovernance.Deployment.Rollout;

/// <summary>Where rollout controllers keep each rollout's state and the lease that decides which controller acts.</summary>
/// <remarks>
/// <para>A <see cref="RolloutController"/> persists every transition before acting on it and, after a restart, resumes from
/// the stored state. Saving is fenced: it succeeds only for the current, unexpired lease holder and only when the stored
/// version is the one the caller read, so a controller that lost its lease can never overwrite its successor's state.</para>
/// <para>Time comes from the caller (its <see cref="TimeProvider"/>), so replicas must keep their clocks within a small
/// fraction of the lease duration of each other. Implementations are safe for concurrent use by several processes.</para>
/// </remarks>
public interface IRolloutStateStore
{
    /// <summary>Reads a rollout's state.</summary>
    /// <param name="rolloutName">The rollout.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The stored state, or <see langword="null"/> when nothing was saved yet.</returns>
    ValueTask<RolloutStateRecord?> GetAsync(string rolloutName, CancellationToken cancellationToken = default);

    /// <summary>Saves a rollout's state if <paramref name="holderId"/> holds its lease unexpired at <paramref name="now"/> and
    /// the stored version is <c>record.Version − 1</c> (none stored for version 1).</summary>
    /// <param name="record">The state to save.</param>
    /// <param name="holderId">The saving controller's instance id.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>Whether the state was saved; <see langword="false"/> when the lease or the version does not match.</returns>
    ValueTask<bool> TrySaveAsync(RolloutStateRecord record, string holderId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Takes or renews a rollout's lease: succeeds when no lease exists, when <paramref name="holderId"/> already
    /// holds it, or when the current lease expired at or before <paramref name="now"/>.</summary>
    /// <param name="rolloutName">The rollout.</param>
    /// <param name="holderId">The asking controller's instance id.</param>
    /// <param name="now">The current time.</param>
    /// <param name="duration">How long the lease lasts from <paramref name="now"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The lease as it now stands: held by <paramref name="holderId"/> when taken or renewed, otherwise by
    /// whoever holds it.</returns>
    ValueTask<RolloutLease> TryAcquireLeaseAsync(string rolloutName, string holderId, DateTimeOffset now, TimeSpan duration,
        CancellationToken cancellationToken = default);

    /// <summary>Gives up a lease early (on shutdown) so another controller can take over without waiting for expiry.</summary>
    /// <param name="rolloutName">The rollout.</param>
    /// <param name="holderId">The holder; nothing happens when it does not hold the lease.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the lease is released.</returns>
    ValueTask ReleaseLeaseAsync(string rolloutName, string holderId, CancellationToken cancellationToken = default);
}
