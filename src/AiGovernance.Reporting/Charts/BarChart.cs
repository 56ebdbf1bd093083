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
        : base(title, xAxis, yAxis, "bars", format)
    {
        Categories = ChartGuard.Labels(categories, "category", nameof(categories));
        Series = ChartGuard.Series(series, categories.Count, 6, nameof(series));
    }

    /// <summary>The categories.</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>The series.</summary>
    public IReadOnlyList<ChartSeries> Series { get; }

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
        var frame = ChartFrame.Open(builder, this);
        var svg = frame.Svg;
        var (lo, hi) = ChartScale.Range(Series.SelectMany(s => s.Values).Append(Threshold?.Value), 0, 1);
        lo = Math.Min(0, lo);
        hi = Math.Max(0, hi);
        var y = frame.ValueAxis(SvgWriter.NiceTicks(lo, hi > lo ? hi : lo + 1, 5), YAxis, Format);

        var n = Categories.Count;
        var group = frame.PlotWidth / n;
        var barW = Math.Min(28, group * 0.8 / Series.Count);
        var zero = y.Map(0);
        for (var k = 0; k < n; k++)
        {
            var cx = frame.Left + (group * (k + 0.5));
            var x0 = cx - (barW * Series.Count / 2);
            for (var s = 0; s < Series.Count; s++)
            {
                if (Series[s].Values[k] is not { } v)
                {
                    continue;
                }

                var tooltip = Series[s].Name + " · " + Categories[k] + ": " + SvgWriter.Value(v, Format, significantDigits);
                svg.Rect(x0 + (s * barW) + 0.5, Math.Min(y.Map(v), zero), barW - 1, Math.Abs(y.Map(v) - zero), Series[s].Colour, 0.9, tooltip, "bar");
            }

            var highlighted = k < Highlighted.Count && Highlighted[k];
            var maxLabel = n > 8 ? 12 : 16;
            var label = Categories[k].Length > maxLabel ? Categories[k][..(maxLabel - 1)] + "…" : Categories[k];
            frame.XTick(cx, label, slanted: n > 8, fill: highlighted ? ChartPalette.ForSeverity(Core.Severity.Critical) : null, bold: highlighted);
            if (highlighted && n <= 8)
            {
                svg.Text(cx, frame.PlotBottom + 31, HighlightNote, size: 10, anchor: "middle",
                    fill: ChartPalette.ForSeverity(Core.Severity.Critical));
            }
        }

        svg.Line(frame.Left, zero, frame.PlotRight, zero, ChartPalette.Axis);
        foreach (var series in Series)
        {
            frame.AddLegend(series.Name, series.Colour, LegendMark.Swatch);
        }

        if (Threshold is { } threshold)
        {
            frame.HorizontalThreshold(threshold, y);
            frame.AddLegend(threshold);
        }

        frame.Close(XAxis);
    }
}
