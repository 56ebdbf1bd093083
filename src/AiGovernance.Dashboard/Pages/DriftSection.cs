using System.Globalization;
using AiGovernance.Core;
using AiGovernance.Dashboard.History;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Reporting.Charts;

namespace AiGovernance.Dashboard.Pages;

/// <summary>Drift history: the share of drifted columns per window against the dataset-drift threshold, then per column its PSI
/// per window against the default severity policy's PSI bands, drifted windows flagged; a table of every column, most drifted
/// first.</summary>
/// <remarks>O(windows × columns): the series are built in one pass over the windows, then each chart is written straight into the
/// page. Charts are drawn for at most <see cref="DashboardOptions.MaxDriftCharts"/> columns, the highest peak PSI first.</remarks>
internal static class DriftSection
{
    private sealed class ColumnHistory(string name, int windows)
    {
        public string Name { get; } = name;

        /// <summary>PSI per window, <see langword="null"/> where the column is absent or its PSI undefined.</summary>
        public double?[] Psi { get; } = new double?[windows];

        public bool[] Drifted { get; } = new bool[windows];

        public int DriftedCount { get; set; }

        public int Windows { get; set; }

        public double PeakPsi { get; set; } = double.NegativeInfinity;

        public DriftColumnView? Latest { get; set; }
    }

    public static void Write(PageContext context, HtmlWriter html, ReportHistory history)
    {
        var windows = history.Drift;
        if (!PageLayout.Section(html, "drift", "Drift history", windows.Count == 0, "No drift report in the report history."))
        {
            return;
        }

        var columns = new Dictionary<string, ColumnHistory>(StringComparer.Ordinal);
        var share = new double?[windows.Count];
        var datasetDrift = new bool[windows.Count];
        for (var w = 0; w < windows.Count; w++)
        {
            var window = windows[w];
            share[w] = double.IsFinite(window.DriftedShare) ? window.DriftedShare : null;
            datasetDrift[w] = window.DatasetDrift;
            foreach (var column in window.Columns)
            {
                if (!columns.TryGetValue(column.Column, out var series))
                {
                    columns[column.Column] = series = new ColumnHistory(column.Column, windows.Count);
                }

                series.Windows++;
                series.Latest = column;
                series.Drifted[w] = column.IsDrifted;
                series.DriftedCount += column.IsDrifted ? 1 : 0;
                if (double.IsFinite(column.Psi))
                {
                    series.Psi[w] = column.Psi;
                    series.PeakPsi = Math.Max(series.PeakPsi, column.Psi);
                }
            }
        }

        var dates = TrendCharts.Dates(windows, w => w.At);
        var last = windows[^1];
        html.Raw("<p>").Number(windows.Count).Raw(" windows from ").Date(windows[0].At).Raw(" to ").Date(last.At).Raw(", ").Number(columns.Count)
            .Raw(" columns. Dataset drift in ").Number(datasetDrift.Count(d => d)).Raw(" windows.</p><div class=\"charts\">");
        TrendCharts.Figure(html, " id=\"drift-share\"", "Share of drifted columns per window", new TimeSeriesChart("Share of drifted columns",
            dates, TrendCharts.Observed("drifted share", share), TrendCharts.WindowEnd, new ChartAxis("drifted columns", "%"),
            ChartValueFormat.Percent)
        {
            Thresholds = double.IsFinite(last.DriftShareThreshold) ? [new ChartThreshold(last.DriftShareThreshold, "dataset-drift threshold")] : [],
            Highlighted = datasetDrift,
            HighlightNote = "dataset drift",
            CssClass = "drift-share",
        });

        var severity = new DriftSeverityOptions();
        ChartThreshold[] bands =
        [
            new(severity.MediumPsi, "moderate shift (" + Psi(severity.MediumPsi) + ")") { Colour = ChartPalette.ForSeverity(Severity.Medium) },
            new(severity.HighPsi, "significant shift (" + Psi(severity.HighPsi) + ")"),
        ];
        var ordered = columns.Values.OrderByDescending(c => c.PeakPsi).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        var index = 0;
        foreach (var column in ordered.Take(context.Options.MaxDriftCharts))
        {
            var name = HtmlWriter.Bound(column.Name, context.Options.MaxTextLength);
            TrendCharts.Figure(html, " class=\"column-drift\" id=\"drift-chart-" + index++.ToString(CultureInfo.InvariantCulture)
                + "\"", column.Name, new TimeSeriesChart("PSI of " + name, dates, TrendCharts.Observed("PSI", column.Psi), TrendCharts.WindowEnd,
                new ChartAxis("PSI"))
            {
                Thresholds = bands,
                Highlighted = column.Drifted,
                HighlightNote = "drifted",
                CssClass = "psi",
            }, column.Name);
        }

        html.Raw("</div><table id=\"drift-columns\"><thead><tr><th>Column</th><th>Method</th><th>Latest statistic</th><th>Latest p-value</th>")
            .Raw("<th>Latest PSI</th><th>Peak PSI</th><th>Drifted windows</th><th>Latest severity</th></tr></thead><tbody>");
        foreach (var column in ordered)
        {
            var latest = column.Latest!;
            html.Raw("<tr").Attribute("data-column", column.Name).Raw("><td>").Text(column.Name).Raw("</td><td>").Text(latest.Method)
                .Raw("</td><td class=\"num\">").Number(latest.Statistic, "0.####").Raw("</td><td class=\"num\">").Number(latest.PValue, "0.####")
                .Raw("</td><td class=\"num\">").Number(latest.Psi, "0.###").Raw("</td><td class=\"num\">")
                .Number(double.IsFinite(column.PeakPsi) ? column.PeakPsi : double.NaN, "0.###").Raw("</td><td class=\"num\">")
                .Number(column.DriftedCount).Raw(" / ").Number(column.Windows).Raw("</td><td><span class=\"badge ")
                .Raw(latest.IsDrifted ? "bad" : "ok").Raw("\">").Text(latest.Severity).Raw("</span></td></tr>");
        }

        html.Raw("</tbody></table>");
    }

    private static string Psi(double value) => "PSI " + value.ToString("0.###", CultureInfo.InvariantCulture);
}
