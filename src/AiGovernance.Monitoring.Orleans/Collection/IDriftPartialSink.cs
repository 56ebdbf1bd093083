using AiGovernance.Monitoring.Orleans.Windows;

namespace AiGovernance.Monitoring.Orleans.Collection;

/// <summary>Hands partials to their window: <see cref="GrainDriftPartialSink"/> calls the window grain.</summary>
public interface IDriftPartialSink
{
    /// <summary>Sends a partial to a window and returns its receipt.</summary>
    /// <param name="window">The window.</param>
    /// <param name="windowPartial">The partial.</param>
    /// <param name="cancellationToken">Cancels the wait (the partial may still arrive).</param>
    /// <returns>The receipt, given after the window persisted the partial.</returns>
    ValueTask<PartialReceipt> SendAsync(DriftWindowKey window, DriftPartial windowPartial, CancellationToken cancellationToken);
}
