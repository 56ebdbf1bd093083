using AiGovernance.Monitoring.Drift;

namespace AiGovernance.Monitoring.Orleans.References;

/// <summary>Supplies each AI system's fitted <see cref="DriftReference"/>: to collectors (for the bins) and to window
/// grains (to compare against).</summary>
public interface IDriftReferenceProvider
{
    /// <summary>The reference of a system.</summary>
    /// <param name="systemId">The AI system.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="KeyNotFoundException">No reference is known for the system.</exception>
    ValueTask<DriftReference> GetAsync(string systemId, CancellationToken cancellationToken = default);
}
