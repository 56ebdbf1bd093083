using System.Globalization;
using System.Net;
using System.Text;
using AiGovernance.Core;
using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Samples.DriftJob.Pipeline;
using AiGovernance.Shared;
using AiGovernance.Statistics;

namespace AiGovernance.Samples.DriftJob.Reporting;

/// <summary>Writes <c>drift-report.html</c>: one self-contained file (inline CSS and SVG, no script, nothing fetched)
/// that a reviewer opens in any browser.</summary>
/// <remarks>
/// Sections carry stable ids: <c>summary</c>, <c>windows</c>, <c>validation</c>, <c>columns</c> (the latest window's
/// columns, worst severity first), <c>drift-&lt;column&gt;</c> per drifted column (an overlaid reference/current
/// histogram or bar chart), <c>trend</c> (only with a performance series) and <c>responses</c>. Every string that comes
/// from data — column names, category labels, file names — is HTML-encoded.
/// </remarks>
public static class HtmlReportWriter
{
    private const string ReferenceColour = "#4c78a8";
    private const string CurrentColour = "#f58518";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The id of a drifted column's chart section: <c>drift-</c> and the column name with white space replaced by
    /// underscores.</summary>
    /// <param name="column">The column's name.</param>
    /// <returns>The id (not yet HTML-encoded).</returns>
    public static string ChartId(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var b = new StringBuilder("drift-", column.Length + 6);
        foreach (var ch in column)
        {
            b.Append(char.IsWhiteSpace(ch) ? '_' : ch);
        }

        return b.ToString();
    }

    /// <summary>Orders columns worst first: severity, then drifted before not drifted, then PSI, then name.</summary>
    /// <param name="columns">The columns of one report.</param>
    /// <returns>The ordered columns.</returns>
    public static IReadOnlyList<ColumnDriftResult> OrderBySeverity(IEnumerable<ColumnDriftResult> columns) =>
        [.. columns.OrderByDescending(c => c.Severity)
            .ThenByDescending(c => c.IsDrifted)
            .ThenByDescending(c => double.IsNaN(c.Psi) ? double.NegativeInfinity : c.Psi)
            .ThenBy(c => c.Column, StringComparer.Ordinal)];

    internal static string Render(DriftJobResult result, int exitCode)
    {
        var latest = result.Latest;
        var drifted = OrderBySeverity(latest.Drift.Columns.Where(c => c.IsDrifted));
        var b = new StringBuilder(64 * 1024);
        b.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        b.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        b.Append("<title>Drift report — ").Append(E(result.SystemId)).Append("</title>\n");
        b.Append("<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n");
        b.Append("<header><h1>Drift report <span class=\"system\">").Append(E(result.SystemId)).Append("</span></h1>\n");
        b.Append("<p class=\"meta\">Generated ").Append(E(result.GeneratedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", Inv)))
            .Append(" · ").Append(E(result.Dataset.Source)).Append("</p></header>\n<main>\n");

        // Pictures first: the summary, then what drifted and how, then the numbers behind it.
        Summary(b, result, drifted, exitCode);
        foreach (var column in drifted)
        {
            DriftChart(b, result, column);
        }

        if (result.Trend is { } trend)
        {
            Trend(b, trend);
        }

        MultivariateSection.Append(b, result);
        if (result.Estimation is { } estimation)
        {
            Estimation(b, estimation);
        }

        Columns(b, latest);
        Windows(b, result);
        Validation(b, result);
        Responses(b, result);
        b.Append("</main>\n<footer>AiGovernance.Samples.DriftJob · statistics by AiGovernance.Monitoring · " +
            "this file needs no network and runs no " +
            "script.</footer>\n</body>\n</html>\n");
        return b.ToString();
    }

    internal static string DescribeCrossing(TrendAnalysis t)
    {
        var p = t.Trend.PeriodsUntilThreshold;
        var unit = t.Series.PeriodUnit;
        return double.IsNaN(p) ? "no threshold projection"
            : p == 0 ? string.Create(Inv, $"the fitted line is already at or below the threshold {t.Series.Threshold:F3}")
            : double.IsPositiveInfinity(p) ? string.Create(Inv, $"the fitted line does not fall, so it never reaches {t.Series.Threshold:F3}")
            : string.Create(Inv, $"the fitted line reaches the threshold {t.Series.Threshold:F3} in {p:F1} {unit}s");
    }

    private static void Summary(StringBuilder b, DriftJobResult result, IReadOnlyList<ColumnDriftResult> drifted, int exitCode)
    {
        var latest = result.Latest;
        var worst = latest.Drift.Severity;
        b.Append("<section id=\"summary\" class=\"card\">\n<h2>Summary</h2>\n<div class=\"tiles\">\n");
        Tile(b, "Dataset drift", result.DatasetDrift ? "YES" : "NO", result.DatasetDrift ? "bad" : "good", "dataset-drift",
            string.Create(Inv,
                $"in {result.Windows.Count(w => w.Drift.DatasetDrift)} of {result.Windows.Count} window(s); threshold " +
                    $"{result.DriftShareThreshold:0%} of columns"));
        Tile(b, "Drifted columns", string.Create(Inv, $"{latest.Drift.DriftedColumnCount} / {latest.Drift.ColumnCount}"),
            latest.Drift.DriftedColumnCount > 0 ? "bad" : "good", "drifted-count",
            "in the latest window, " + latest.Window.Name);
        Tile(b, "Worst severity", worst.ToString(), SeverityClass(worst), "worst-severity", string.Create(Inv, $"max PSI {latest.Drift.MaxPsi:F3}"));
        if (result.Trend is { Trend.HasEnoughData: true } t)
        {
            Tile(b, t.Series.Metric + " trend", t.Trend.IsDeclining ? "declining" : "stable", t.Trend.IsDeclining ? "bad" : "good", "trend-verdict",
                DescribeCrossing(t));
        }

        b.Append("</div>\n<p>Drifted columns in ").Append(E(latest.Window.Name)).Append(": ");
        if (drifted.Count == 0)
        {
            b.Append("<em>none</em>");
        }
        else
        {
            b.Append("<span id=\"drifted-columns\">");
            for (var i = 0; i < drifted.Count; i++)
            {
                b.Append(i > 0 ? ", " : string.Empty).Append("<a href=\"#").Append(E(ChartId(drifted[i].Column))).Append("\"><code>")
                    .Append(E(drifted[i].Column)).Append("</code></a>");
            }

            b.Append("</span>");
        }

        b.Append(". Exit code <code>").Append(exitCode.ToString(Inv)).Append("</code>.</p>\n</section>\n");
    }

    private static void Tile(StringBuilder b, string title, string value, string cls, string id, string note) =>
        b.Append("<div class=\"tile ").Append(cls).Append("\" id=\"").Append(id).Append("\"><div class=\"tile-title\">").Append(E(title))
            .Append("</div><div class=\"tile-value\">").Append(E(value)).Append("</div><div " +
                "class=\"tile-note\">").Append(E(note)).Append("</div></div>\n");

    private static void Windows(StringBuilder b, DriftJobResult result)
    {
        b.Append("<section id=\"windows\" class=\"card\">\n<h2>Windows</h2>\n<table>\n<thead><tr><th>Window</th><th>Rows</th><th>Drifted " +
            "columns</th><th>Share</th><th>Dataset drift</th><th>Severity</th><th>Max PSI</th></tr></thead>\n<tbody>\n");
        foreach (var w in result.Windows)
        {
            var names = string.Join(", ", w.Drift.Columns.Where(c => c.IsDrifted).Select(c => c.Column));
            b.Append("<tr><td>").Append(E(w.Window.Name)).Append("</td><td class=\"num\">").Append(w.Window.Data.RowCount.ToString("N0", Inv))
                .Append("</td><td>").Append(names.Length == 0 ? "—" : E(names))
                .Append("</td><td class=\"num\">").Append(w.Drift.DriftedShare.ToString("0%", Inv))
                .Append("</td><td>").Append(w.Drift.DatasetDrift ? "<strong class=\"bad-text\">yes</strong>" : "no")
                .Append("</td><td>").Append(Badge(w.Drift.Severity))
                .Append("</td><td class=\"num\">").Append(w.Drift.MaxPsi.ToString("F3", Inv)).Append("</td></tr>\n");
        }

        b.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Validation(StringBuilder b, DriftJobResult result)
    {
        b.Append("<section id=\"validation\" class=\"card\">\n<h2>Ingestion validation</h2>\n<p>Each window is checked against the schema inferred " +
            "from the reference (kinds, ranges with a 10% margin, missing rates with 5 points of slack, known categories).</p>\n<ul>\n");
        foreach (var w in result.Windows)
        {
            b.Append("<li><strong>").Append(E(w.Window.Name)).Append("</strong>: ");
            if (w.Validation.IsValid)
            {
                b.Append("valid");
            }
            else
            {
                b.Append(w.Validation.Violations.Count.ToString(Inv)).Append(" violation(s)<ul>");
                foreach (var v in w.Validation.Violations)
                {
                    b.Append("<li><code>").Append(E(v.Rule.ToString())).Append("</code> ").Append(E(v.Message)).Append("</li>");
                }

                b.Append("</ul>");
            }

            b.Append("</li>\n");
        }

        b.Append("</ul>\n</section>\n");
    }

    private static void Columns(StringBuilder b, WindowAnalysis latest)
    {
        b.Append("<section id=\"columns\" class=\"card\">\n<h2>Columns in ").Append(E(latest.Window.Name)).Append(", worst first</h2>\n");
        b.Append("<table class=\"columns\">\n<thead><tr><th>Column</th><th>Kind</th><th>Method</th><th>Statistic</th><th>p-value " +
            "(adj.)</th><th>PSI</th><th>Missing ref → cur</th><th>Drifted</th><th>Severity</th></tr></thead>\n<tbody>\n");
        foreach (var c in OrderBySeverity(latest.Drift.Columns))
        {
            b.Append("<tr data-column=\"").Append(E(c.Column)).Append("\" data-severity=\"").Append(c.Severity.ToString())
                .Append("\" data-drifted=\"")
                .Append(c.IsDrifted ? "true" : "false").Append('"').Append(c.IsDrifted ? " class=\"drifted\"" : string.Empty).Append("><td>");
            if (c.IsDrifted)
            {
                b.Append("<a href=\"#").Append(E(ChartId(c.Column))).Append("\"><code>").Append(E(c.Column)).Append("</code></a>");
            }
            else
            {
                b.Append("<code>").Append(E(c.Column)).Append("</code>");
            }

            var method = c.Status == ColumnDriftStatus.Compared ? c.Method.ToString() : c.Status.ToString();
            b.Append("</td><td>").Append(c.Kind.ToString()).Append("</td><td title=\"").Append(E(c.Reason)).Append("\">").Append(E(method))
                .Append("</td><td class=\"num\">").Append(Num(c.Statistic, "G4"))
                .Append("</td><td class=\"num\">").Append(Num(c.AdjustedPValue, "G3"))
                .Append("</td><td class=\"num\">").Append(Num(c.Psi, "F3"))
                .Append("</td><td class=\"num\">").Append(c.ReferenceMissingRate.ToString("0.0%",
                    Inv)).Append(" → ").Append(c.CurrentMissingRate.ToString("0.0%", Inv))
                .Append("</td><td>").Append(c.IsDrifted ? (c.MissingRateDrifted && !c.DistributionDrifted ? "yes (missing rate)" : "yes") : "no")
                .Append("</td><td>").Append(Badge(c.Severity)).Append("</td></tr>\n");
        }

        b.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void DriftChart(StringBuilder b, DriftJobResult result, ColumnDriftResult column)
    {
        var latest = result.Latest.Window.Data;
        b.Append("<section id=\"").Append(E(ChartId(column.Column))).Append("\" class=\"card chart\" " +
            "data-column=\"").Append(E(column.Column)).Append("\">\n<h2><code>")
            .Append(E(column.Column)).Append("</code> ").Append(Badge(column.Severity)).Append("</h2>\n<p class=\"why\">")
            .Append(E(Explain(column))).Append("</p>\n");
        if (column.Status == ColumnDriftStatus.Compared
            && result.Dataset.Reference.TryGetColumn(column.Column, out var refColumn)
            && latest.TryGetColumn(column.Column, out var curColumn))
        {
            var bins = refColumn is NumericColumn rn
                ? DistributionBins.Numeric(rn, (NumericColumn)curColumn)
                : DistributionBins.Categorical((CategoricalColumn)refColumn, (CategoricalColumn)curColumn);
            b.Append(SvgCharts.Distribution(column.Column, bins, refColumn.Kind == ColumnKind.Numeric, ReferenceColour, CurrentColour,
                result.Latest.Window.Name));
            if (column.MissingRateDrifted)
            {
                b.Append(SvgCharts.MissingRates(column.Column, column.ReferenceMissingRate, column.CurrentMissingRate, ReferenceColour, CurrentColour,
                    result.Latest.Window.Name));
            }
        }

        b.Append("</section>\n");
    }

    private static string Explain(ColumnDriftResult c)
    {
        if (c.Status != ColumnDriftStatus.Compared)
        {
            return c.Reason + ".";
        }

        var parts = new List<string>();
        if (c.DistributionDrifted)
        {
            parts.Add(c.Method switch
            {
                DriftMethod.NormalizedWasserstein => string.Create(Inv, $"normalised Wasserstein distance {c.Statistic:F3} > {c.Threshold:G3}"),
                DriftMethod.JensenShannon => string.Create(Inv, $"Jensen–Shannon distance {c.Statistic:F3} > {c.Threshold:G3}"),
                _ => string.Create(Inv, $"{c.Method} statistic {c.Statistic:G4}, adjusted p = {c.AdjustedPValue:G3} < {c.Threshold:G3}"),
            });
        }

        if (c.MissingRateDrifted)
        {
            parts.Add(string.Create(Inv,
                $"missing rate {c.ReferenceMissingRate:0.0%} → {c.CurrentMissingRate:0.0%} (adjusted p = {c.AdjustedMissingRatePValue:G3})"));
        }

        parts.Add(string.Create(Inv, $"PSI {c.Psi:F3}"));
        return string.Join("; ", parts) + ".";
    }

    private static void Trend(StringBuilder b, TrendAnalysis t)
    {
        b.Append("<section id=\"trend\" class=\"card chart\">\n<h2>Performance trend: ").Append(E(t.Series.Metric)).Append("</h2>\n<p " +
            "class=\"why\">");
        if (t.Trend.HasEnoughData)
        {
            b.Append(E(string.Create(Inv,
                $"Latest {t.Trend.Current:F4}; slope {t.Trend.Slope:F5} per {t.Series.PeriodUnit} over {t.Trend.Count} {t.Series.PeriodUnit}s (p = " +
                    $"{t.Trend.PValue:G3}); projected {t.Trend.Projected:F4} in {t.Trend.ProjectionHorizon} {t.Series.PeriodUnit}s; " +
                    $"{DescribeCrossing(t)}. Recommendation: {t.Trend.Recommendation}.")));
            b.Append("</p>\n").Append(SvgCharts.Trend(t, ReferenceColour));
        }
        else
        {
            b.Append("Too few periods to fit a trend.</p>\n");
        }

        b.Append("</section>\n");
    }

    private static void Estimation(StringBuilder b, EstimationAnalysis e)
    {
        var c = e.Reference.Calibration;
        b.Append("<section id=\"estimation\" class=\"card chart\">\n<h2>Estimated versus realised accuracy (no labels needed)</h2>\n<p " +
            "class=\"why\">")
            .Append(E(EstimationText.FirstFlags(e))).Append(' ').Append(E(EstimationText.Trend(e))).Append("</p>\n");
        b.Append(SvgCharts.EstimatedAccuracy(e, CurrentColour, ReferenceColour));
        b.Append("<p>").Append(E(string.Create(Inv,
            $"Confidence-based performance estimation: {e.Reference.CalibratorDescription} fitted on {e.Reference.Count:N0} labelled reference " +
                $"predictions, cross-validated ECE {c.ExpectedCalibrationError:F4} ({c.Binning}); the band is the 95% range of the accuracy the " +
                $"outcomes will show if only the applicant mix moved (covariate shift).")))
            .Append("</p>\n<table id=\"estimation-weeks\">\n<thead><tr><th>Week</th><th>Estimated accuracy</th><th>95% band</th><th>Realised " +
                "accuracy</th><th>Labels arrive</th><th>Inside band</th></tr></thead>\n<tbody>\n");
        foreach (var w in e.Weeks)
        {
            var a = w.Realised.Get(AiGovernance.Monitoring.PerformanceEstimation.EstimatedMetric.Accuracy);
            b.Append("<tr><td>").Append(E(w.Week.Label)).Append("</td><td class=\"num\">").Append(a.Estimated.ToString("F4", Inv))
                .Append("</td><td class=\"num\">").Append(E(string.Create(Inv, $"[{a.Lower:F4}, {a.Upper:F4}]")))
                .Append("</td><td class=\"num\">").Append(a.Realised.ToString("F4", Inv))
                .Append("</td><td>").Append(E(w.LabelsArrive))
                .Append("</td><td>").Append(a.IsOutsideBand ? "<strong class=\"bad-text\">no</strong>" : "yes").Append("</td></tr>\n");
        }

        b.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Responses(StringBuilder b, DriftJobResult result)
    {
        b.Append("<section id=\"responses\" class=\"card\">\n<h2>Drift " +
            "responses</h2>\n<table>\n<thead><tr><th>Event</th><th>Severity</th><th>Disposition</th><th>Handlers</th><th>What they would " +
            "do</th></tr></thead>\n<tbody>\n");
        foreach (var r in result.Responses)
        {
            b.Append("<tr><td>").Append(E(r.Trigger)).Append("</td><td>").Append(Badge(r.Result.Plan.Severity)).Append("</td><td>")
                .Append(r.Result.Disposition.ToString())
                .Append("</td><td>").Append(E(string.Join(", ", r.Result.Outcomes.Select(o => o.Succeeded ? o.Handler : o.Handler + " (failed)"))))
                .Append("</td><td>");
            if (r.Actions.Count == 0)
            {
                b.Append("<span class=\"muted\">recorded only</span>");
            }
            else
            {
                b.Append("<ul class=\"actions\">");
                foreach (var action in r.Actions)
                {
                    b.Append("<li>").Append(E(action)).Append("</li>");
                }

                b.Append("</ul>");
            }

            b.Append("</td></tr>\n");
        }

        b.Append("</tbody>\n</table>\n<p class=\"muted\">Audit chain ").Append(result.Audit.IsValid ? "verified" : "BROKEN").Append(": ")
            .Append(result.Audit.VerifiedCount.ToString(Inv)).Append(" records.</p>\n</section>\n");
    }

    private static string Badge(Severity severity) =>
        "<span class=\"badge " + SeverityClass(severity) + "\">" + severity + "</span>";

    private static string SeverityClass(Severity severity) => severity switch
    {
        Severity.Critical => "sev-critical",
        Severity.High => "sev-high",
        Severity.Medium => "sev-medium",
        _ => "sev-low",
    };

    private static string Num(double value, string format) => double.IsNaN(value) ? "—" : E(value.ToString(format, Inv));

    /// <summary>The longest piece of text in the HTML report: a message naming several bounded names fits, a 10 MB label does not.</summary>
    internal const int TextLength = 1_000;

    // Every piece of text in the report passes here: bounded, control characters shown as escapes, then HTML-encoded.
    internal static string E(string text) => WebUtility.HtmlEncode(UntrustedText.Bound(text, TextLength));

    private const string Css = """
        :root { --ink:#1f2933; --muted:#616e7c; --line:#d9e2ec; --bg:#f5f7fa; --card:#ffffff; }
        * { box-sizing: border-box; }
        body { margin:0; font: 15px/1.45 -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color:var(--ink); background:var(--bg); }
        header { background:#243b53; color:#fff; padding:20px 32px; }
        header h1 { margin:0; font-size:26px; }
        header .system { font-weight:400; opacity:.8; }
        header .meta { margin:6px 0 0; opacity:.85; font-size:13px; }
        main { max-width:1180px; margin:0 auto; padding:20px 24px 8px; }
        .card { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:16px 20px; margin:0 0 18px;
          box-shadow:0 1px 2px rgba(0,0,0,.04); }
        h2 { font-size:19px; margin:0 0 10px; }
        .tiles { display:flex; flex-wrap:wrap; gap:12px; margin-bottom:10px; }
        .tile { flex:1 1 200px; border-radius:8px; padding:12px 14px; border:1px solid var(--line); border-left-width:6px; }
        .tile-title { font-size:12px; text-transform:uppercase; letter-spacing:.05em; color:var(--muted); }
        .tile-value { font-size:28px; font-weight:700; }
        .tile-note { font-size:12px; color:var(--muted); }
        .tile.bad { border-left-color:#d64545; background:#fff5f5; }
        .tile.good { border-left-color:#3f9142; background:#f3fbf3; }
        .tile.sev-critical { border-left-color:#b42318; background:#fff1f0; }
        .tile.sev-high { border-left-color:#e8590c; background:#fff4e6; }
        .tile.sev-medium { border-left-color:#f0b429; background:#fffbea; }
        .tile.sev-low { border-left-color:#3f9142; background:#f3fbf3; }
        table { border-collapse:collapse; width:100%; font-size:13.5px; }
        th, td { text-align:left; padding:5px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
        th { background:#f0f4f8; font-weight:600; }
        td.num { text-align:right; font-variant-numeric: tabular-nums; white-space:nowrap; }
        tr.drifted td { background:#fffaf0; }
        .badge { display:inline-block; padding:1px 8px; border-radius:10px; font-size:12px; font-weight:600; color:#fff; }
        .badge.sev-critical { background:#b42318; }
        .badge.sev-high { background:#e8590c; }
        .badge.sev-medium { background:#c98a00; }
        .badge.sev-low { background:#7b8794; }
        .bad-text { color:#b42318; }
        .muted { color:var(--muted); }
        .why { color:var(--muted); margin:0 0 8px; }
        svg { max-width:100%; height:auto; display:block; }
        svg text { font-family: "DejaVu Sans", sans-serif; fill:#1f2933; }
        .charts { display:flex; flex-wrap:wrap; gap:12px; align-items:flex-start; }
        ul.actions { margin:0; padding-left:18px; }
        code { font-family: "DejaVu Sans Mono", monospace; font-size:13px; }
        footer { text-align:center; color:var(--muted); font-size:12px; padding:8px 0 24px; }
        """;
}
