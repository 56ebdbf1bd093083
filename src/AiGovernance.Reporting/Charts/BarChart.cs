using System.Text;

namespace AiGovernance.Reporting.Charts;

/// <summary>Side-by-side bars per category, one bar per series (for example the reference's and the current window's
/// share of each category, or baseline and candidate latency percentiles), with an optional threshold line.</summary>
/// <remarks>Bars grow from zero, so negative values (a falling NPV) point down. With more than eight categories the labels
/// are slanted. Categories marked in <see cref="Highlighted"/> (a category the reference never showed) get a red label.</remarks>
public sealed class BarChart : ReportChart
{
    /// <summary>Creates a bar chart.</summary>
    /// <param name="title">What the chart shows.</param>
    /// <param name="categories">The categories along the horizontal axis.</param>
    /// <param name="series">One to six series, each with one value per category.</param>
    /// <param name="xAxis">The categories' axis.</param>
    /// <param name="yAxis">The values' axis.</param>
    /// <param name="format">Numbers or percentages.</param>
    /// <exception cref="ArgumentException">There is no category, no series or more than six, or a series' length differs
    /// from the categories'.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public BarChart(string title, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, ChartAxis xAxis, ChartAxis yAxis,
        ChartValueFormat format = ChartValueFormat.Number)
        : base(title, xAxis, yAxis, "bars")
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        if (categories.Count == 0)
        {
            throw new ArgumentException("A bar chart needs at least one category.", nameof(categories));
        }

        ChartGuard.Series(series, categories.Count, 6, nameof(series));
        Categories = categories;
        Series = series;
        Format = format;
    }

    /// <summary>The categories.</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>The series.</summary>
    public IReadOnlyList<ChartSeries> Series { get; }

    /// <summary>Numbers or percentages.</summary>
    public ChartValueFormat Format { get; }

    /// <summary>A threshold line across the chart, or <see langword="null"/>.</summary>
    public ChartThreshold? Threshold { get; init; }

    /// <summary>Per category, whether its label is highlighted in red; empty for none.</summary>
    public IReadOnlyList<bool> Highlighted { get; init; } = [];

    /// <summary>The word written under a highlighted label when there is room (eight categories or fewer).</summary>
    public string HighlightNote { get; init; } = "new";

    /// <inheritdoc />
    public override string Describe() =>
        $"{Title}: {Series.Count} series over {Categories.Count} categories ({XAxis.Title} against {YAxis.Title}).";

    private protected override void Write(StringBuilder builder, int significantDigits)
    {
        var svg = new SvgWriter(builder);
        svg.Open(CssClass, Title);
        var values = Series.SelectMany(s => s.Values).Where(v => v.HasValue).Select(v => v!.Value).ToList();
        if (Threshold is { } t)
        {
            values.Add(t.Value);
        }

        var lo = Math.Min(0, values.DefaultIfEmpty(0).Min());
        var hi = Math.Max(0, values.DefaultIfEmpty(1).Max());
        var ticks = SvgWriter.NiceTicks(lo, hi > lo ? hi : lo + 1, 5);
        double yLo = ticks[0], yHi = ticks[^1];
        double Y(double v) => SvgWriter.Top + svg.PlotHeight - ((v - yLo) / (yHi - yLo) * svg.PlotHeight);
        svg.YAxis(ticks, Y, YAxis, Format);

        var n = Categories.Count;
        var group = svg.PlotWidth / n;
        var barW = Math.Min(28, group * 0.8 / Series.Count);
        var zero = Y(0);
        for (var k = 0; k < n; k++)
        {
            var cx = svg.Left + (group * (k + 0.5));
            var x0 = cx - (barW * Series.Count / 2);
            for (var s = 0; s < Series.Count; s++)
            {
                if (Series[s].Values[k] is not { } v)
                {
                    continue;
                }

                var top = Math.Min(Y(v), zero);
                var tooltip = Series[s].Name + " · " + Categories[k] + ": " + SvgWriter.Value(v, Format, significantDigits);
                svg.Rect(x0 + (s * barW) + 0.5, top, barW - 1, Math.Abs(Y(v) - zero), Series[s].Colour, 0.9, tooltip, "bar");
            }

            var highlighted = k < Highlighted.Count && Highlighted[k];
            var maxLabel = n > 8 ? 12 : 16;
            var label = Categories[k].Length > maxLabel ? Categories[k][..(maxLabel - 1)] + "…" : Categories[k];
            svg.XTick(cx, label, slanted: n > 8, fill: highlighted ? ChartPalette.ForSeverity(Core.Severity.Critical) : null, bold: highlighted);
            if (highlighted && n <= 8)
            {
                svg.Text(cx, svg.PlotBottom + 31, HighlightNote, size: 10, anchor: "middle", fill: ChartPalette.ForSeverity(Core.Severity.Critical));
            }
        }

        svg.Line(svg.Left, zero, svg.Left + svg.PlotWidth, zero, ChartPalette.Axis);
        svg.XAxis(XAxis);
        var legend = Series.Select(s => (s.Name, s.Colour, false, false)).ToList();
        if (Threshold is { } threshold)
        {
            var ty = Y(threshold.Value);
            svg.Line(svg.Left, ty, svg.Left + svg.PlotWidth, ty, ChartPalette.Threshold, 2, dashed: true, cssClass: "threshold");
            legend.Add((threshold.Label, ChartPalette.Threshold, true, true));
        }

        svg.Legend(legend);
        svg.Close();
    }
}
