using AiGovernance.Monitoring.PerformanceEstimation;
using AiGovernance.Monitoring.Trends;

namespace AiGovernance.Samples.DriftJob.Pipeline;

/// <summary>Label-free performance estimation over the production weeks: what CBPE said each week, what the outcomes
/// later showed, and which signal flagged the decline first.</summary>
/// <param name="Reference">The calibrated reference (its calibration check passed).</param>
/// <param name="Weeks">One row per week, oldest first.</param>
/// <param name="EstimatedTrend">The trend of the estimated accuracy over every week.</param>
/// <param name="Threshold">The accuracy limit.</param>
/// <param name="LabelDelayWeeks">How many weeks the outcomes arrive after the decision.</param>
/// <param name="EstimatedFlag">The week at whose end the estimated-accuracy trend first recommended retraining (no labels
/// needed); <see langword="null"/> when it never did.</param>
/// <param name="LabelledFlag">The week at whose end the labelled-accuracy trend first recommended retraining, counting the
/// label delay (it may lie after the last production week: outcomes still pending); <see langword="null"/> when it never did.</param>
internal sealed record EstimationAnalysis(
    CbpeReference Reference,
    IReadOnlyList<EstimatedWeek> Weeks,
    PerformanceTrendResult EstimatedTrend,
    double Threshold,
    int LabelDelayWeeks,
    string? EstimatedFlag,
    string? LabelledFlag)
{
    /// <summary>How many weeks earlier the label-free signal flagged the decline than the labelled one; <see langword="null"/>
    /// when either never flagged.</summary>
    public int? WeeksEarlier => EstimatedFlag is { } e && LabelledFlag is { } l ? WeekNumber(l) - WeekNumber(e) : null;

    /// <summary>How many weeks' realised accuracy fell inside the estimate's band.</summary>
    public int InsideBand => Weeks.Count(w => !w.Realised.Get(EstimatedMetric.Accuracy).IsOutsideBand);

    internal static int WeekNumber(string isoWeek) => int.Parse(isoWeek.AsSpan(isoWeek.IndexOf('W', StringComparison.Ordinal) + 1),
        System.Globalization.CultureInfo.InvariantCulture);
}
