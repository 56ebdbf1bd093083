using System.Globalization;
using AiGovernance.Samples.DriftJob.Pipeline;

namespace AiGovernance.Samples.DriftJob.Reporting;

/// <summary>The sentences every report uses to describe label-free estimation.</summary>
internal static class EstimationText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string FirstFlags(EstimationAnalysis e)
    {
        var estimated = e.EstimatedFlag is { } w
            ? $"The estimated-accuracy trend (last {PerformanceEstimationStage.FlagTrendPeriods} weeks) recommended retraining at the end of {w}, " +
                $"without a single label"
            : "The estimated-accuracy trend never recommended retraining";
        var labelled = e.LabelledFlag is { } l
            ? $"the labelled-accuracy trend first does so at the end of {l}, as outcomes arrive {e.LabelDelayWeeks} weeks after the decision"
            : "the labelled-accuracy trend has not yet";
        var lead = e.WeeksEarlier is { } d ? string.Create(Inv, $" ({d} week(s) earlier)") : string.Empty;
        return $"{estimated}; {labelled}{lead}. Realised accuracy fell inside the estimate's 95% band in {e.InsideBand} of {e.Weeks.Count} weeks.";
    }

    public static string Trend(EstimationAnalysis e)
    {
        var t = e.EstimatedTrend;
        var crossing = double.IsFinite(t.PeriodsUntilThreshold)
            ? string.Create(Inv, $"reaching {e.Threshold:F2} in {t.PeriodsUntilThreshold:F1} weeks")
            : "not projected to reach the limit";
        return string.Create(Inv,
            $"Estimated accuracy over {t.Count} weeks: slope {t.Slope:F5} per week (p = {t.PValue:G3}), {crossing}; recommendation " +
                $"{t.Recommendation}.");
    }
}
