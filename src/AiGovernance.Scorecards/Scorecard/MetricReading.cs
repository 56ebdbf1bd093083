namespace AiGovernance.Scorecards;

/// <summary>One measured value of a scorecard metric for a period.</summary>
/// <param name="MetricName">The name of the <see cref="ScorecardMetric"/> the value belongs to.</param>
/// <param name="Value">The measured value, in the metric's own unit (not normalised).</param>
public readonly record struct MetricReading(string MetricName, double Value);
