using AiGovernance.Reporting.Formatting;

namespace AiGovernance.Reporting.Drift;

/// <summary>Label-free performance estimation (confidence-based performance estimation, CBPE) over the production weeks:
/// what the calibrated probabilities said each week, what the outcomes later showed, and which signal flagged a decline
/// first.</summary>
public sealed class DriftEstimation
{
    /// <summary>The estimation method, "CBPE".</summary>
    public string Method { get; init; } = "CBPE";

    /// <summary>The calibrator fitted on the reference, described.</summary>
    public required string Calibrator { get; init; }

    /// <summary>Labelled reference predictions the calibrator was fitted on.</summary>
    public long ReferencePredictions { get; init; }

    /// <summary>The cross-validated expected calibration error on the reference.</summary>
    public double CalibrationError { get; init; }

    /// <summary>How the calibration error was binned.</summary>
    public string CalibrationBinning { get; init; } = string.Empty;

    /// <summary>The largest calibration error the estimator accepts.</summary>
    public double CalibrationLimit { get; init; }

    /// <summary>Weeks between a decision and its outcome.</summary>
    public int LabelDelayWeeks { get; init; }

    /// <summary>The accuracy limit.</summary>
    public double Threshold { get; init; }

    /// <summary>Weeks of the trend that decides when to flag a decline.</summary>
    public int FlagTrendPeriods { get; init; }

    /// <summary>One row per week, oldest first.</summary>
    public IReadOnlyList<DriftEstimationWeek> Weeks { get; init; } = [];

    /// <summary>Weeks whose realised accuracy fell inside the estimate's band.</summary>
    public int InsideBand => Weeks.Count(w => w.InsideBand);

    /// <summary>The trend of the estimated accuracy over every week.</summary>
    public required DriftEstimationTrend Trend { get; init; }

    /// <summary>The week at whose end the estimated-accuracy trend first recommended retraining, or <see langword="null"/>
    /// when it never did.</summary>
    public string? EstimatedFlag { get; init; }

    /// <summary>The week at whose end the labelled-accuracy trend first recommended retraining (counting the label delay),
    /// or <see langword="null"/> when it never did.</summary>
    public string? LabelledFlag { get; init; }

    /// <summary>How many weeks earlier the label-free signal flagged the decline, or <see langword="null"/> when either
    /// never flagged.</summary>
    public int? WeeksEarlier { get; init; }

    /// <summary>Which signal flagged the decline first, in one or two sentences.</summary>
    /// <returns>The sentence, for example "The estimated-accuracy trend (last 5 weeks) recommended retraining at the end of
    /// 2026-W31, without a single label; …".</returns>
    public string DescribeFlags() => DescribeFlags(static week => week);

    /// <summary><see cref="DescribeFlags()"/> with each week's name passed through <paramref name="untrusted"/> (the report
    /// bounds and escapes the names, which come from the data, and never cuts its own sentence).</summary>
    internal string DescribeFlags(Func<string, string> untrusted)
    {
        var estimated = EstimatedFlag is { } w0 && untrusted(w0) is { } w
            ? $"The estimated-accuracy trend (last {FlagTrendPeriods} weeks) recommended retraining at the end of {w}, without a single label"
            : "The estimated-accuracy trend never recommended retraining";
        var labelled = LabelledFlag is { } l0 && untrusted(l0) is { } l
            ? $"the labelled-accuracy trend first does so at the end of {l}, as outcomes arrive {LabelDelayWeeks} weeks after the decision"
            : "the labelled-accuracy trend has not yet";
        var lead = WeeksEarlier is { } d ? $" ({d} week(s) earlier)" : string.Empty;
        return $"{estimated}; {labelled}{lead}. Realised accuracy fell inside the estimate's 95% band in {InsideBand} of {Weeks.Count} weeks.";
    }

    /// <summary>The estimated-accuracy trend in one sentence.</summary>
    /// <param name="significantDigits">Significant digits of the numbers.</param>
    /// <returns>The sentence.</returns>
    public string DescribeTrend(int significantDigits = ReportingDefaults.SignificantDigits)
    {
        var t = Trend;
        var crossing = t.PeriodsUntilThreshold is { } p
            ? $"reaching {ReportFormat.Number(Threshold, significantDigits)} in {ReportFormat.Number(p, 2)} weeks"
            : "not projected to reach the limit";
        return $"Estimated accuracy over {t.Periods} weeks: slope {ReportFormat.Number(t.Slope, significantDigits)} per week " +
            $"(p = {ReportFormat.Number(t.PValue, significantDigits)}), {crossing}; recommendation {t.Recommendation}.";
    }
}
