using System.Text;

namespace AiGovernance.Reporting.Charts;

/// <summary>Overlaid histograms on shared bins: the reference in translucent blue, the current window in translucent
/// orange, so where they differ shows as a colour that is neither.</summary>
/// <remarks>The horizontal axis is the value scale (ticks at round numbers), the vertical axis the share of values per bin.</remarks>
public sealed class HistogramChart : ReportChart
{
    /// <summary>Creates a histogram chart.</summary>
    /// <param name="title">What the chart shows.</param>
    /// <param name="edges">The bin edges, ascending and finite, one more than the bins.</param>
    /// <param name="series">One or two series with one value per bin.</param>
    /// <param name="xAxis">The values' axis.</param>
    /// <param name="yAxis">The shares' axis.</param>
    /// <param name="format">How the bin heights are written (shares as percentages by default).</param>
    /// <exception cref="ArgumentException">There are fewer than two edges, an edge is not finite or not above the one before,
    /// or a series' length differs from the number of bins.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public HistogramChart(string title, IReadOnlyList<double> edges, IReadOnlyList<ChartSeries> series, ChartAxis xAxis, ChartAxis yAxis,
        ChartValueFormat format = ChartValueFormat.Percent)
        : base(title, xAxis, yAxis, "histogram", format)
    {
        ArgumentNullException.ThrowIfNull(edges);
        if (edges.Count < 2)
        {
            throw new ArgumentException("A histogram needs at least two bin edges.", nameof(edges));
        }

        ChartGuard.Finite(edges, nameof(edges));
        for (var i = 1; i < edges.Count; i++)
        {
            if (!(edges[i] > edges[i - 1]))
            {
                throw new ArgumentException($"Bin edge {i} ({edges[i]}) is not above edge {i - 1} ({edges[i - 1]}).", nameof(edges));
            }
        }

        Edges = edges;
        Series = ChartGuard.Series(series, edges.Count - 1, 2, nameof(series));
    }

    /// <summary>The bin edges.</summary>
    public IReadOnlyList<double> Edges { get; }

    /// <summary>The series, one value per bin.</summary>
    public IReadOnlyList<ChartSeries> Series { get; }

    /// <inheritdoc />
    public override string Describe() =>
        $"{Title}: {string.Join(" and ", Series.Select(s => s.Name))} over {Edges.Count - 1} bins of {XAxis.Title}.";

    private protected override void Write(StringBuilder builder, int significantDigits)
    {
        var frame = ChartFrame.Open(builder, this);
        var svg = frame.Svg;
        var yMax = ChartScale.Range(Series.SelectMany(s => s.Values), 0, 0).Hi;
        var y = frame.ValueAxis(SvgWriter.NiceTicks(0, yMax <= 0 ? 1 : yMax, 5), YAxis, Format);
        var x = new ChartScale(Edges[0], Edges[^1], frame.Left, frame.PlotRight);
        foreach (var series in Series)
        {
            for (var k = 0; k < Edges.Count - 1; k++)
            {
                if (series.Values[k] is not { } v)
                {
                    continue;
                }

                var tooltip = series.Name + " · [" + Formatting.ReportFormat.Number(Edges[k], significantDigits) + ", "
                    + Formatting.ReportFormat.Number(Edges[k + 1], significantDigits) + "): " + SvgWriter.Value(v, Format, significantDigits);
                svg.Rect(x.Map(Edges[k]), y.Map(v), x.Map(Edges[k + 1]) - x.Map(Edges[k]), frame.PlotBottom - y.Map(v), series.Colour, 0.55, tooltip,
                    "bar");
            }

            svg.NewLine();
            frame.AddLegend(series.Name, series.Colour, LegendMark.Swatch);
        }

        var span = x.Max - x.Min;
        foreach (var tick in SvgWriter.NiceTicks(x.Min, x.Max, 6))
        {
            if (tick >= x.Min - (1e-9 * span) && tick <= x.Max + (1e-9 * span))
            {
                frame.XTick(x.Map(tick), SvgWriter.TickLabel(tick, ChartValueFormat.Number));
            }
        }

        frame.Close(XAxis);
    }
}
