namespace AiGovernance.Scorecards;

/// <summary>What an <see cref="IScorecardMetricSource"/> is asked to measure.</summary>
/// <param name="SystemName">The AI system being scored.</param>
/// <param name="Period">The period's label, for example <c>2025-Q2</c>.</param>
public readonly record struct MetricCollectionContext(string SystemName, string Period);
