using AiGovernance.Scorecards;

namespace AiGovernance.Reporting.Scorecards;

/// <summary>One metric of a scorecard dimension: its reading and its 0–100 score between floor and target.</summary>
/// <param name="Name">The metric's name.</param>
/// <param name="Direction">Whether higher or lower is better.</param>
/// <param name="Floor">The value that scores 0.</param>
/// <param name="Target">The value that scores 100.</param>
/// <param name="Value">The reading.</param>
/// <param name="Score">The score.</param>
public sealed record ScorecardMetricRow(string Name, MetricDirection Direction, double Floor, double Target, double Value, double Score);
