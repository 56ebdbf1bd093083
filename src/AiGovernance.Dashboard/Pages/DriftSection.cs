using AiGovernance.Dashboard.Charts;
using AiGovernance.Dashboard.History;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Responses;

namespace AiGovernance.Dashboard.Pages;

/// <summary>Drift history: the share of drifted columns per window, then per column its PSI per window against the default
/// severity policy's PSI bands, drifted windows marked; a table of every column, most drifted first.</summary>
/// <remarks>O(windows × columns). Charts are drawn for at most <see cref="DashboardOptions.MaxDriftCharts"/> columns, the
/// highest peak PSI first.</remarks>
internal static class DriftSection
{
    private sealed class ColumnHistory(string name)
    {
        public string Name { get; } = name;

        public List<(DateTimeOffset At, double Psi)> Psi { get; } = [];

        public List<(DateTimeOffset At, double Psi)> Drifted { get; } = [];

        public int Windows { get; set; }

        public double PeakPsi { get; set; } = double.NegativeInfinity;

        public ColumnDriftResult? Latest { get; set; }
    }

    public static void Write(PageContext context, HtmlWriter html, ReportHistory history)
    {
        html.Raw("<h2 id=\"drift\">Drift history</h2>");
        if (history.Drift.Count == 0)
        {
            html.Raw("<p class=\"muted\">No drift report in the report history.</p>");
            return;
        }

        var columns = new Dictionary<string, ColumnHistory>(StringComparer.Ordinal);
        var share = new List<(DateTimeOffset, double)>(history.Drift.Count);
        var datasetDrift = new List<(DateTimeOffset, double)>();
        foreach (var window in history.Drift)
        {
            share.Add((window.At, window.Report.DriftedShare));
            if (window.Report.DatasetDrift)
            {
                datasetDrift.Add((window.At, window.Report.DriftedShare));
            }

            foreach (var column in window.Report.Columns)
            {
                if (!columns.TryGetValue(column.Column, out var series))
                {
                    columns[column.Column] = series = new ColumnHistory(column.Column);
                }

                series.Windows++;
                series.Latest = column;
                if (double.IsFinite(column.Psi))
                {
                    series.Psi.Add((window.At, column.Psi));
                    series.PeakPsi = Math.Max(series.PeakPsi, column.Psi);
                    if (column.IsDrifted)
                    {
                        series.Drifted.Add((window.At, column.Psi));
                    }
                }
            }
        }

        var first = history.Drift[0];
        var last = history.Drift[^1];
        html.Raw("<p>").Number(history.Drift.Count).Raw(" windows from ").Date(first.At).Raw(" to ").Date(last.At).Raw(", ").Number(columns.Count)
            .Raw(" columns. Dataset drift in ").Number(datasetDrift.Count).Raw(" windows.</p><div class=\"charts\"><figure id=\"drift-share\">")
            .Raw("<figcaption>Share of drifted columns per window</figcaption>");
        TimeSeriesChart.Render(html, new ChartSpec("Share of drifted columns", "drifted columns (share)",
            [new ChartSeries("drifted share", TimeSeriesChart.Current, share)])
        {
            Thresholds = [new ChartThreshold(last.Report.DriftShareThreshold, "dataset-drift threshold", TimeSeriesChart.Severe)],
            Marks = datasetDrift,
            YMin = 0,
            CssClass = "drift-share",
        });
        html.Raw("</figure>");

        var severity = new DriftSeverityOptions();
        var ordered = columns.Values.OrderByDescending(c => c.PeakPsi).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        var index = 0;
        foreach (var column in ordered.Take(context.Options.MaxDriftCharts))
        {
            html.Raw("<figure class=\"column-drift\" id=\"drift-chart-").Number(index++).Raw("\"").Attribute("data-column", column.Name)
                .Raw("><figcaption>").Text(column.Name).Raw("</figcaption>");
            TimeSeriesChart.Render(html, new ChartSpec("PSI of " + column.Name, "PSI",
                [new ChartSeries("PSI", TimeSeriesChart.Current, column.Psi)])
            {
                Thresholds =
                [
                    new ChartThreshold(severity.MediumPsi, "moderate shift", TimeSeriesChart.Grey),
                    new ChartThreshold(severity.HighPsi, "significant shift", TimeSeriesChart.Severe),
                ],
                Marks = column.Drifted,
                YMin = 0,
                CssClass = "psi",
            });
            html.Raw("</figure>");
        }

        html.Raw("</div><table id=\"drift-columns\"><thead><tr><th>Column</th><th>Method</th><th>Latest statistic</th><th>Latest p-value</th>")
            .Raw("<th>Latest PSI</th><th>Peak PSI</th><th>Drifted windows</th><th>Latest severity</th></tr></thead><tbody>");
        foreach (var column in ordered)
        {
            var latest = column.Latest!;
            html.Raw("<tr").Attribute("data-column", column.Name).Raw("><td>").Text(column.Name).Raw("</td><td>").Raw(latest.Method.ToString())
                .Raw("</td><td class=\"num\">").Number(latest.Statistic, "0.####").Raw("</td><td class=\"num\">").Number(latest.PValue, "0.####")
                .Raw("</td><td class=\"num\">").Number(latest.Psi, "0.###").Raw("</td><td class=\"num\">")
                .Number(double.IsFinite(column.PeakPsi) ? column.PeakPsi : double.NaN, "0.###").Raw("</td><td class=\"num\">")
                .Number(column.Drifted.Count).Raw(" / ").Number(column.Windows).Raw("</td><td><span class=\"badge ")
                .Raw(latest.IsDrifted ? "bad" : "ok").Raw("\">").Raw(latest.Severity.ToString()).Raw("</span></td></tr>");
        }

        html.Raw("</tbody></table>");
    }
}
