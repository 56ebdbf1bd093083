using System.Globalization;
using AiGovernance.Reporting.Charts;

namespace AiGovernance.Dashboard.Pages;

/// <summary>The dashboard's history charts, all drawn by AiGovernance.Reporting's <see cref="TimeSeriesChart"/> in the reports'
/// visual grammar (current values orange, thresholds dashed in their severity colour, flagged points red, both axes labelled with
/// units), each in a captioned figure.</summary>
internal static class TrendCharts
{
    /// <summary>The time axis of weekly windows and analyses: one label per point, its UTC date.</summary>
    public static readonly ChartAxis WindowEnd = new("window end", "UTC date");

    /// <summary>The time axis of gate attempts.</summary>
    public static readonly ChartAxis Attempt = new("attempt", "UTC date");

    /// <summary>The points' labels: their UTC dates.</summary>
    public static string[] Dates<T>(IReadOnlyList<T> items, Func<T, DateTimeOffset> at)
    {
        var labels = new string[items.Count];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = at(items[i]).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return labels;
    }

    /// <summary>One observed series in the current window's colour.</summary>
    public static ChartSeries[] Observed(string name, IReadOnlyList<double?> values) => [new ChartSeries(name, values, ChartPalette.Current)];

    /// <summary>Writes <c>&lt;figure&gt;</c> with the caption and the chart; <paramref name="attributes"/> is markup of this package
    /// (an id or class), the caption and <paramref name="column"/> (a <c>data-column</c> attribute) are escaped.</summary>
    public static void Figure(HtmlWriter html, string attributes, string caption, ReportChart chart, string? column = null)
    {
        html.Raw("<figure").Raw(attributes);
        if (column is not null)
        {
            html.Attribute("data-column", column);
        }

        html.Raw("><figcaption>").Text(caption).Raw("</figcaption>").Chart(chart).Raw("</figure>");
    }
}
