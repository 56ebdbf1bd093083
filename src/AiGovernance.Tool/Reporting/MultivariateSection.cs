using System.Globalization;
using System.Text;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Samples.DriftJob.Pipeline;

namespace AiGovernance.Samples.DriftJob.Reporting;

/// <summary>The HTML report's <c>multivariate</c> section: the reconstruction-error chart and one row per window with
/// each method's verdict.</summary>
internal static class MultivariateSection
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Append(StringBuilder b, DriftJobResult result)
    {
        if (result.Multivariate is not { } analysis)
        {
            return;
        }

        b.Append("<section id=\"multivariate\" class=\"card chart\">\n<h2>Multivariate drift</h2>\n<p class=\"why\">");
        if (analysis.Skipped is { } skipped)
        {
            b.Append("Not run: ").Append(HtmlReportWriter.E(skipped)).Append("</p>\n</section>\n");
            return;
        }

        b.Append("All columns together: PCA reconstruction error against a band from the reference's chunk-to-chunk variability, a ")
            .Append("cross-validated domain classifier (AUC with a DeLong interval) and the maximum mean discrepancy. They catch changed ")
            .Append("relationships between columns that every per-column test misses.</p>\n");
        b.Append(ReconstructionChart.Render(analysis));
        b.Append("<table class=\"multivariate\">\n<thead><tr><th>Window</th><th>Reconstruction error</th><th>Band</th><th>Classifier AUC</th>")
            .Append("<th>MMD p</th><th>Leaning on</th><th>Drift</th></tr></thead>\n<tbody>\n");
        foreach (var window in analysis.Windows)
        {
            var r = window.Report;
            b.Append("<tr data-window=\"").Append(HtmlReportWriter.E(window.Name)).Append("\" data-drifted=\"").Append(r.IsDrifted ? "true" : "false")
                .Append("\"><td>").Append(HtmlReportWriter.E(window.Name)).Append("</td><td class=\"num\">")
                .Append(Cell(r.Reconstruction?.MeanError, "F4", r.Reconstruction?.IsDrifted))
                .Append("</td><td class=\"num\">")
                .Append(r.Reconstruction is { } rc
                    ? HtmlReportWriter.E(string.Create(Inv, $"{rc.LowerThreshold:F4} – {rc.UpperThreshold:F4}"))
                    : "—")
                .Append("</td><td class=\"num\">")
                .Append(r.DomainClassifier is { } c ? Mark(string.Create(Inv, $"{c.Auc:F3} [{c.Lower:F3}, {c.Upper:F3}]"), c.IsDrifted) : "—")
                .Append("</td><td class=\"num\">").Append(Cell(r.Mmd?.PValue, "G3", r.Mmd?.IsDrifted))
                .Append("</td><td>").Append(HtmlReportWriter.E(Leaning(r.DomainClassifier)))
                .Append("</td><td>").Append(r.IsDrifted ? "<strong class=\"bad-text\">yes</strong>" : "no").Append("</td></tr>\n");
        }

        b.Append("</tbody>\n</table>\n</section>\n");
    }

    private static string Leaning(DomainClassifierDriftResult? classifier) =>
        classifier is null ? "—" : string.Join(", ", classifier.Importance.Take(3).Select(c => string.Create(Inv, $"{c.Column} {c.Share:0%}")));

    private static string Cell(double? value, string format, bool? drifted) =>
        value is { } v ? Mark(v.ToString(format, Inv), drifted == true) : "—";

    private static string Mark(string text, bool drifted) =>
        drifted ? "<strong class=\"bad-text\">" + HtmlReportWriter.E(text) + "</strong>" : HtmlReportWriter.E(text);
}
