namespace AiGovernance.Scorecards;

/// <summary>A metric's measured value and its normalised score for one period.</summary>
/// <param name="Metric">The metric's definition.</param>
/// <param name="Value">The measured value.</param>
/// <param name="Score">The normalised score in [0, 1] (<see cref="ScorecardMetric.Normalize(double)"/>).</param>
public readonly record struct MetricScore(ScorecardMetric Metric, double Value, double Score);
