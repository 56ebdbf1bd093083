using System.Text;

namespace AiGovernance.Reporting.Charts;

/// <summary>Values over time: one line with markers per series, an optional band (a confidence interval) behind the first
/// series, and threshold lines — a column's PSI per window against its threshold, a metric with its interval and the gate
/// threshold, override rates by week.</summary>
/// <remarks>Points are evenly spaced in order (windows, weeks); at most about eight labels are written, the first and last
/// always. A <see langword="null"/> value breaks the line.</remarks>
public sealed class TimeSeriesChart : ReportChart
{
    /// <summary>Creates a time-series chart.</summary>
    /// <param name="title">What the chart shows.</param>
    /// <param name="points">One label per point, oldest first ("2026-W05", "2026-01-31").</param>
    /// <param name="series">One to eight series, each with one value per point.</param>
    /// <param name="xAxis">The time axis.</param>
    /// <param name="yAxis">The values' axis.</param>
    /// <param name="format">Numbers or percentages.</param>
    /// <exception cref="ArgumentException">There is no point, no series or more than eight, or a series' length differs from
    /// the points'.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public TimeSeriesChart(string title, IReadOnlyList<string> points, IReadOnlyList<ChartSeries> series, ChartAxis xAxis, ChartAxis yAxis,
        ChartValueFormat format = ChartValueFormat.Number)
        : base(title, xAxis, yAxis, "timeseries", format)
    {
        Points = ChartGuard.Labels(points, "point", nameof(points));
        Series = ChartGuard.Series(series, points.Count, 8, nameof(series));
    }

    /// <summary>The points' labels, oldest first.</summary>
    public IReadOnlyList<string> Points { get; }

    /// <summary>The series.</summary>
    public IReadOnlyList<ChartSeries> Series { get; }

    /// <summary>A band drawn behind the series (same number of points), or <see langword="null"/>.</summary>
    public ChartBand? Band { get; init; }

    /// <summary>Threshold lines across the chart, each in its colour and named in the legend.</summary>
    public IReadOnlyList<ChartThreshold> Thresholds { get; init; } = [];

    /// <summary>Per point, whether its markers are drawn in the critical severity's colour (a drifted window, a failed gate);
    /// empty for none.</summary>
    public IReadOnlyList<bool> Highlighted { get; init; } = [];

    /// <summary>What a highlighted point means, for the legend and the point's tooltip.</summary>
    public string HighlightNote { get; init; } = "flagged";

    /// <inheritdoc />
    public override string Describe() =>
        $"{Title}: {string.Join(", ", Series.Select(s => s.Name))} over {Points.Count} points from {Points[0]} to {Points[^1]}"
        + (Thresholds.Count > 0 ? $", against {string.Join(", ", Thresholds.Select(t => t.Label))}." : ".");

    private protected override void Write(StringBuilder builder, int significantDigits)
    {
        if (Band is { } band && band.Lower.Count != Points.Count)
        {
            throw new InvalidOperationException($"The band has {band.Lower.Count} points; the chart has {Points.Count}.");
        }

        var frame = ChartFrame.Open(builder, this);
        var svg = frame.Svg;
        var (lo, hi) = ChartScale.Range(Series.SelectMany(s => s.Values).Concat(Band?.Lower ?? []).Concat(Band?.Upper ?? [])
            .Concat(Thresholds.Select(t => (double?)t.Value)));
        if (Format == ChartValueFormat.Percent || lo >= 0 && lo < (hi - lo) * 0.5)
        {
            lo = Math.Min(0, lo);
        }

        var y = frame.ValueAxis(SvgWriter.NiceTicks(lo, hi, 5), YAxis, Format);
        var n = Points.Count;
        double X(int i) => n == 1 ? frame.Left + (frame.PlotWidth / 2) : frame.Left + 10 + (i * (frame.PlotWidth - 20) / (n - 1));
        if (Band is { } b)
        {
            foreach (var run in Runs(i => b.Lower[i].HasValue && b.Upper[i].HasValue))
            {
                var polygon = run.Select(i => (X(i), y.Map(b.Upper[i]!.Value)))
                    .Concat(run.AsEnumerable().Reverse().Select(i => (X(i), y.Map(b.Lower[i]!.Value))));
                svg.Polygon([.. polygon], ChartPalette.Band, 0.8, "band", b.Name);
            }
        }

        foreach (var threshold in Thresholds)
        {
            frame.HorizontalThreshold(threshold, y);
        }

        var flagged = ChartPalette.ForSeverity(Core.Severity.Critical);
        foreach (var series in Series)
        {
            foreach (var run in Runs(i => series.Values[i].HasValue))
            {
                svg.Polyline([.. run.Select(i => (X(i), y.Map(series.Values[i]!.Value)))], series.Colour, 2,
                    series.Style == ChartLineStyle.Dashed, "series");
            }

            for (var i = 0; i < n; i++)
            {
                if (series.Values[i] is { } v)
                {
                    var marked = i < Highlighted.Count && Highlighted[i];
                    svg.Circle(X(i), y.Map(v), marked ? 4.5 : 3.5, marked ? flagged : series.Colour, Tooltip(series, i, v, marked, significantDigits),
                        marked ? "point flagged" : "point");
                }
            }

            svg.NewLine();
            frame.AddLegend(series.Name, series.Colour, series.Style == ChartLineStyle.Dashed ? LegendMark.DashedLine : LegendMark.Line);
        }

        if (Band is { } shaded)
        {
            frame.AddLegend(shaded.Name, ChartPalette.Band, LegendMark.Swatch);
        }

        foreach (var threshold in Thresholds)
        {
            frame.AddLegend(threshold);
        }

        if (Highlighted.Any(h => h))
        {
            frame.AddLegend(HighlightNote, flagged, LegendMark.Dot);
        }

        var every = Math.Max(1, (int)Math.Ceiling(n / 8.0));
        for (var i = 0; i < n; i++)
        {
            if (i % every == 0 || i == n - 1 && (n - 1) % every >= every / 2)
            {
                frame.XTick(X(i), Points[i].Length > 14 ? Points[i][..13] + "…" : Points[i]);
            }
        }

        frame.Close(XAxis);
    }

    private string Tooltip(ChartSeries series, int i, double value, bool marked, int significantDigits)
    {
        var tip = series.Name + " · " + Points[i] + ": " + SvgWriter.Value(value, Format, significantDigits);
        if (Band is { } band && band.Lower[i] is { } l && band.Upper[i] is { } u)
        {
            tip += " " + Formatting.ReportFormat.Interval(l, u, Format == ChartValueFormat.Percent, significantDigits);
        }

        return marked ? tip + " (" + HighlightNote + ")" : tip;
    }

    private List<int[]> Runs(Func<int, bool> defined)
    {
        var runs = new List<int[]>();
        var current = new List<int>();
        for (var i = 0; i < Points.Count; i++)
        {
            if (defined(i))
            {
                current.Add(i);
            }
            else if (current.Count > 0)
            {
                runs.Add([.. current]);
                current.Clear();
            }
        }

        if (current.Count > 0)
        {
            runs.Add([.. current]);
        }

        return runs;
    }
}
