using AiGovernance.Reporting;
using AiGovernance.Reporting.Drift;
using AiGovernance.Samples.DriftJob.Pipeline;

namespace AiGovernance.Samples.DriftJob.Reporting;

/// <summary>Turns one run into the Reporting package's drift document, which renders the three report files.</summary>
internal static class DriftJobReport
{
    public static DriftReportDocument Create(DriftJobResult result, int exitCode, ReportingOptions options)
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
            Distributions = DriftReportDocument.DistributionsOf(latest.Drift, result.Dataset.Reference, latest.Window.Data, options),
            Trend = result.Trend is { } t ? Trend(t) : null,
            Responses = [.. result.Responses.Select(r => DriftResponseEntry.From(r.Trigger, r.Result, r.Actions))],
            Audit = new DriftAuditSummary(result.Audit.IsValid, result.Audit.VerifiedCount),
        };
    }

    public static DriftPerformanceTrend Trend(TrendAnalysis t) =>
        DriftPerformanceTrend.From(t.Series.Metric, t.Series.PeriodUnit, t.Series.PeriodLabels, t.Series.Values, t.Series.Threshold, t.Trend,
            t.Degradation);
}
