using AiGovernance.Monitoring.Trends;
using AiGovernance.Samples.DriftJob.Data;

namespace AiGovernance.Samples.DriftJob.Pipeline;

/// <summary>The performance series' trend and its latest degradation.</summary>
/// <param name="Series">The series.</param>
/// <param name="Trend">The linear trend with its projection to the threshold.</param>
/// <param name="Degradation">The latest period against the trailing mean.</param>
internal sealed record TrendAnalysis(PerformanceSeries Series, PerformanceTrendResult Trend, ConceptDriftResult Degradation);
