using AiGovernance.Reporting;
using AiGovernance.Reporting.Drift;
using AiGovernance.Samples.DriftJob.Data;
using AiGovernance.Samples.DriftJob.Pipeline;

namespace AiGovernance.Samples.DriftJob.Cli;

/// <summary>Turns what one run produced into AiGovernance.Reporting's drift report, which renders the job's three files
/// (JSON, Markdown, HTML) and which <c>aigov report</c>, the dashboard and the post-market summary read back.</summary>
internal static class DriftJobReport
{
    public static DriftReportDocument Build(DriftJobResult result, int exitCode, ReportingOptions? options = null,
        IReadOnlyList<DriftDistribution>? distributions = null)
    {
        var latest = result.Latest;
        return new DriftReportDocument
        {
            SystemName = result.SystemId,
            GeneratedAt = result.GeneratedAt,
            Source = result.Dataset.Source,
            DriftShareThreshold = result.DriftShareThreshold,
            ExitCode = exitCode,
            Windows = [.. result.Windows.Select(w => DriftWindow.From(w.Window.Name, w.Drift, w.Validation, w.Window.End))],
            Distributions = distributions ?? Distributions(result.Dataset, latest, options),
            Trend = result.Trend is { } t ? Trend(t) : null,
            Multivariate = result.Multivariate is { } m ? Multivariate(m) : null,
            Estimation = result.Estimation is { } e ? Estimation(e) : null,
            Responses = [.. result.Responses.Select(r => DriftResponseEntry.From(r.Trigger, r.Result, r.Actions))],
            Audit = new DriftAuditSummary(result.Audit.IsValid, result.Audit.VerifiedCount),
        };
    }

    /// <summary>The charted columns of the latest window (binned on every core): the part of the document that depends
    /// only on the analysis, so the job can compute it while it prints the results and runs the response workflow.</summary>
    public static IReadOnlyList<DriftDistribution> Distributions(DriftJobDataset dataset, WindowAnalysis latest, ReportingOptions? options = null) =>
        DriftReportDocument.DistributionsOf(latest.Drift, dataset.Reference, latest.Window.Data, options);

    public static DriftPerformanceTrend Trend(TrendAnalysis t) =>
        DriftPerformanceTrend.From(t.Series.Metric, t.Series.PeriodUnit, t.Series.PeriodLabels, t.Series.Values, t.Series.Threshold, t.Trend,
            t.Degradation);

    public static DriftMultivariate Multivariate(MultivariateAnalysis m) => new()
    {
        Skipped = m.Skipped,
        ChunkSize = m.ChunkSize,
        ReferenceChunkErrors = m.ReferenceChunkErrors,
        Windows = [.. m.Windows.Select(w => DriftMultivariateWindow.From(w.Name, w.Report))],
    };

    public static DriftEstimation Estimation(EstimationAnalysis e) => new()
    {
        Calibrator = e.Reference.CalibratorDescription,
        ReferencePredictions = e.Reference.Count,
        CalibrationError = e.Reference.Calibration.ExpectedCalibrationError,
        CalibrationBinning = e.Reference.Calibration.Binning,
        CalibrationLimit = e.Reference.MaximumCalibrationError,
        LabelDelayWeeks = e.LabelDelayWeeks,
        Threshold = e.Threshold,
        FlagTrendPeriods = PerformanceEstimationStage.FlagTrendPeriods,
        Weeks = [.. e.Weeks.Select(w => DriftEstimationWeek.From(w.Week.Label, w.Week.End, w.Week.Scores.Length, w.Realised, w.LabelsArrive))],
        Trend = DriftEstimationTrend.From(e.EstimatedTrend),
        EstimatedFlag = e.EstimatedFlag,
        LabelledFlag = e.LabelledFlag,
        WeeksEarlier = e.WeeksEarlier,
    };
}
