using AiGovernance.Monitoring.PerformanceEstimation;
using AiGovernance.Monitoring.Trends;
using AiGovernance.Samples.DriftJob.Data;

namespace AiGovernance.Samples.DriftJob.Pipeline;

/// <summary>Confidence-based performance estimation (CBPE) of every production week from the predicted probabilities:
/// calibrate on the labelled reference, estimate each week when it closes, compare with its outcomes when they arrive,
/// and find which signal — estimated or labelled accuracy — flags the decline first.</summary>
internal static class PerformanceEstimationStage
{
    /// <summary>Both "first flag" searches fit the trend over the latest 5 weeks available at each point in time.</summary>
    public const int FlagTrendPeriods = 5;

    public static async Task<EstimationAnalysis> RunAsync(
        ScoredPredictions scored, double threshold, TimeProvider timeProvider, JobProgress progress, CancellationToken cancellationToken)
    {
        var step = progress.Start("Estimating weekly performance without labels (CBPE)", scored.Weeks.Count + 1);
        var estimator = new ConfidenceBasedPerformanceEstimator(
            new PerformanceEstimationOptions { Calibration = CalibrationMethod.Isotonic, DecisionThreshold = scored.DecisionThreshold },
                timeProvider);
        var reference = await Task.Run(() => estimator.Fit(scored.ReferenceScores, scored.ReferenceOutcomes), cancellationToken);
        step.Report(1);
        var weeks = new List<EstimatedWeek>(scored.Weeks.Count);
        for (var t = 0; t < scored.Weeks.Count; t++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var week = scored.Weeks[t];
            var estimate = estimator.Estimate(reference, week.Scores, week.Label, week.End);
            var realised = estimator.CompareRealised(estimate, week.Scores, week.Outcomes);
            var arrives = $"2026-W{EstimationAnalysis.WeekNumber(week.Label) + scored.LabelDelayWeeks}";
            weeks.Add(new EstimatedWeek(week, estimate, realised, arrives));
            step.Report(t + 2);
        }

        var detector = new ConceptDriftDetector(new ConceptDriftOptions { TrendPeriods = Math.Min(weeks.Count, 12) });
        var estimates = weeks.Select(w => w.Estimate).ToList();
        var trend = detector.DetectTrend(estimates, EstimatedMetric.Accuracy, threshold);
        var (estimatedFlag, labelledFlag) = FirstFlags(weeks, scored.LabelDelayWeeks, threshold);
        step.Complete();
        return new EstimationAnalysis(reference, weeks, trend, threshold, scored.LabelDelayWeeks, estimatedFlag, labelledFlag);
    }

    // At the end of each calendar week, fit the last FlagTrendPeriods weeks of what is known by then: every week's estimate,
    // but only the outcomes of weeks that closed LabelDelayWeeks or more earlier.
    private static (string? Estimated, string? Labelled) FirstFlags(IReadOnlyList<EstimatedWeek> weeks, int delay, double threshold)
    {
        var detector = new ConceptDriftDetector(new ConceptDriftOptions { TrendPeriods = FlagTrendPeriods });
        var first = EstimationAnalysis.WeekNumber(weeks[0].Week.Label);
        string? estimated = null, labelled = null;
        for (var c = 0; c < weeks.Count + delay; c++)
        {
            if (estimated is null && c < weeks.Count)
            {
                var known = weeks.Take(c + 1).Select(w => w.Estimate).ToList();
                if (detector.DetectTrend(known, EstimatedMetric.Accuracy, threshold).Recommendation == TrendRecommendation.RetrainSoon)
                {
                    estimated = $"2026-W{first + c}";
                }
            }

            var labelledWeeks = c - delay + 1;
            if (labelled is null && labelledWeeks > 0)
            {
                var values = weeks.Take(labelledWeeks).Select(w => w.Realised.Get(EstimatedMetric.Accuracy).Realised).ToArray();
                if (detector.DetectTrend(values, threshold).Recommendation == TrendRecommendation.RetrainSoon)
                {
                    labelled = $"2026-W{first + c}";
                }
            }
        }

        return (estimated, labelled);
    }
}
