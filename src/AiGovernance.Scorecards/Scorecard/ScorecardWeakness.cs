namespace AiGovernance.Scorecards;

/// <summary>A dimension scoring below the weakness threshold, with the metrics that pull it down.</summary>
/// <param name="Dimension">The weak dimension.</param>
/// <param name="Score">Its score.</param>
/// <param name="Metrics">Its metrics scoring below the threshold, weakest first (never empty: a mean below the threshold
/// needs at least one metric below it).</param>
public readonly record struct ScorecardWeakness(ScorecardDimension Dimension, double Score, IReadOnlyList<MetricScore> Metrics);
