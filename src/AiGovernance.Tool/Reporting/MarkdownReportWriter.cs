using System.Globalization;
using System.Text;
using AiGovernance.Samples.DriftJob.Pipeline;
using AiGovernance.Shared;

namespace AiGovernance.Samples.DriftJob.Reporting;

/// <summary>Writes <c>drift-report.md</c>: the verdict, the library's validation and drift reports per window (headings
/// moved down a level), the trend and the responses.</summary>
internal static class MarkdownReportWriter
{
    public static string Render(DriftJobResult result, int exitCode)
    {
        var b = new StringBuilder();
        b.Append("# Drift job report\n\n");
        b.Append(CultureInfo.InvariantCulture, $"- Generated: {result.GeneratedAt:yyyy-MM-dd HH:mm:ss} UTC\n");
        b.Append(CultureInfo.InvariantCulture, $"- System: `{result.SystemId}`\n");
        b.Append(CultureInfo.InvariantCulture, $"- Data: {Escape(result.Dataset.Source)}\n");
        b.Append(CultureInfo.InvariantCulture,
            $"- Dataset drift: **{(result.DatasetDrift ? "YES" : "NO")}** (a window drifts when at least {result.DriftShareThreshold:0%} of its " +
                $"columns drift) · exit code {exitCode}\n\n");

        b.Append("## Windows\n\n| Window | Rows | Validation | Drifted columns | Share | Dataset drift | Severity " +
            "|\n|---|---|---|---|---|---|---|\n");
        foreach (var w in result.Windows)
        {
            var drifted = string.Join(", ", w.Drift.Columns.Where(c => c.IsDrifted).Select(c => Escape(c.Column)));
            b.Append(CultureInfo.InvariantCulture,
                $"| {Escape(w.Window.Name)} | {w.Window.Data.RowCount} | " +
                    $"{(w.Validation.IsValid ? "valid" : $"{w.Validation.Violations.Count} violation(s)")} | " +
                    $"{(drifted.Length == 0 ? "—" : drifted)} | {w.Drift.DriftedShare:0%} | {(w.Drift.DatasetDrift ? "**yes**" : "no")} | " +
                    $"{w.Drift.Severity} |\n");
        }

        b.Append('\n');
        if (result.Trend is { } t)
        {
            b.Append(CultureInfo.InvariantCulture, $"## Performance trend ({Escape(t.Series.Metric)})\n\n");
            if (t.Trend.HasEnoughData)
            {
                b.Append(CultureInfo.InvariantCulture,
                    $"Latest {t.Trend.Current:F4}; slope {t.Trend.Slope:F5} per {t.Series.PeriodUnit} (p = {t.Trend.PValue:G3}, {t.Trend.Count} " +
                        $"periods); ");
                b.Append(CultureInfo.InvariantCulture,
                    $"projected {t.Trend.Projected:F4} in {t.Trend.ProjectionHorizon} {t.Series.PeriodUnit}s; " +
                        $"{HtmlReportWriter.DescribeCrossing(t)}. Recommendation: **{t.Trend.Recommendation}**.\n\n");
            }
            else
            {
                b.Append("Too few periods to fit a trend.\n\n");
            }
        }

        if (result.Estimation is { } e)
        {
            Estimation(b, e);
        }

        b.Append("## Drift responses\n\n");
        foreach (var r in result.Responses)
        {
            b.Append(CultureInfo.InvariantCulture,
                $"- **{Escape(r.Trigger)}**: severity {r.Result.Plan.Severity}, {r.Result.Disposition}, audit record #{r.Result.AuditSequence}\n");
            foreach (var action in r.Actions)
            {
                b.Append(CultureInfo.InvariantCulture, $"  - {Escape(action)}\n");
            }
        }

        b.Append(CultureInfo.InvariantCulture,
            $"\nAudit chain: {(result.Audit.IsValid ? "verified" : "BROKEN")}, {result.Audit.VerifiedCount} records.\n\n");

        if (result.Multivariate is { } multivariate)
        {
            b.Append("## Multivariate drift (all columns together)\n\n");
            if (multivariate.Skipped is { } skipped)
            {
                b.Append("Not run: ").Append(Escape(skipped)).Append("\n\n");
            }

            foreach (var w in multivariate.Windows)
            {
                b.Append(CultureInfo.InvariantCulture, $"- **{Escape(w.Name)}**: {Escape(w.Report.Summary())}\n");
            }

            b.Append('\n');
            foreach (var w in multivariate.Windows)
            {
                b.Append(CultureInfo.InvariantCulture, $"### Window {Escape(w.Name)}, all columns together\n\n");
                b.Append(Demote(Demote(w.Report.ToMarkdown())));
                b.Append('\n');
            }
        }

        foreach (var w in result.Windows)
        {
            b.Append(CultureInfo.InvariantCulture, $"## Window {Escape(w.Window.Name)}\n\n");
            b.Append(Demote(w.Validation.ToMarkdown()));
            b.Append('\n');
            b.Append(Demote(w.Drift.ToMarkdown()));
            b.Append('\n');
        }

        return b.ToString();
    }

    private static void Estimation(StringBuilder b, EstimationAnalysis e)
    {
        var c = e.Reference.Calibration;
        b.Append("## Estimated versus realised accuracy (CBPE, no labels needed)\n\n");
        b.Append(CultureInfo.InvariantCulture,
            $"Calibration: {Escape(e.Reference.CalibratorDescription)} on {e.Reference.Count:N0} labelled reference predictions; cross-validated " +
                $"ECE {c.ExpectedCalibrationError:F4} ({c.Binning}), limit {e.Reference.MaximumCalibrationError:F2}.\n\n");
        b.Append("| Week | Estimated accuracy | 95% band | Realised accuracy | Labels arrive | Inside band |\n|---|---|---|---|---|---|\n");
        foreach (var w in e.Weeks)
        {
            var a = w.Realised.Get(AiGovernance.Monitoring.PerformanceEstimation.EstimatedMetric.Accuracy);
            b.Append(CultureInfo.InvariantCulture,
                $"| {Escape(w.Week.Label)} | {a.Estimated:F4} | [{a.Lower:F4}, {a.Upper:F4}] | {a.Realised:F4} | {Escape(w.LabelsArrive)} | " +
                    $"{(a.IsOutsideBand ? "**no**" : "yes")} |\n");
        }

        b.Append('\n').Append(Escape(EstimationText.FirstFlags(e))).Append("\n\n").Append(Escape(EstimationText.Trend(e))).Append("\n\n");
    }

    // The library's reports start at "# "; nest them under this report's "## Window" headings.
    private static string Demote(string markdown) =>
        string.Join('\n', markdown.Split('\n').Select(line => line.StartsWith('#') ? "##" + line : line));

    private static string Escape(string text) => UntrustedText.Bound(text, HtmlReportWriter.TextLength).Replace("|", "\\|",
        StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
