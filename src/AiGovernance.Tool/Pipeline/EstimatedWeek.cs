using AiGovernance.Monitoring.PerformanceEstimation;
using AiGovernance.Samples.DriftJob.Data;

namespace AiGovernance.Samples.DriftJob.Pipeline;

/// <summary>One production week: its performance estimated from the predicted probabilities alone, and the same week
/// once its outcomes arrived.</summary>
/// <param name="Week">The week's predictions and outcomes.</param>
/// <param name="Estimate">The label-free estimate, available when the week closed.</param>
/// <param name="Realised">The realised performance against the estimate, available <see cref="ScoredPredictions.LabelDelayWeeks"/> weeks
/// later.</param>
/// <param name="LabelsArrive">The week at whose end the outcomes are known.</param>
internal sealed record EstimatedWeek(ScoredWeek Week, EstimatedPerformance Estimate, RealisedPerformanceComparison Realised, string LabelsArrive);
