namespace AiGovernance.Scorecards;

/// <summary>Supplies scorecard metric values for a system and period — for example drift, canary, oversight or fairness
/// figures from the other AiGovernance packages, or business figures from a finance system.</summary>
/// <remarks>
/// <para>Register implementations with <c>builder.AddScorecardMetricSource&lt;T&gt;()</c>; several may be registered and
/// <see cref="ScorecardEvaluator"/> asks each in registration order. A source returns values only for the metrics it knows;
/// each metric must come from one source only. Values are in the metric's own unit, not normalised.</para>
/// <para>A source that throws is reported as a warning in the scorecard (its metrics then count as missing) and logged;
/// cancellation is propagated.</para>
/// </remarks>
public interface IScorecardMetricSource
{
    /// <summary>Reads the metric values for <paramref name="context"/>.</summary>
    /// <param name="context">The system and period.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The values this source knows; empty when it has none for the period.</returns>
    ValueTask<IReadOnlyList<MetricReading>> GetReadingsAsync(MetricCollectionContext context, CancellationToken cancellationToken);
}
