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
        : base(title, xAxis, yAxis, "timeseries")
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(series);
        if (points.Count == 0)
        {
            throw new ArgumentException("A time series needs at least one point.", nameof(points));
        }

        ChartGuard.Series(series, points.Count, 8, nameof(series));
        Points = points;
        Series = series;
        Format = format;
    }

    /// <summary>The points' labels, oldest first.</summary>
    public IReadOnlyList<string> Points { get; }

    /// <summary>The series.</summary>
    public IReadOnlyList<ChartSeries> Series { get; }

    /// <summary>Numbers or percentages.</summary>
    public ChartValueFormat Format { get; }

    /// <summary>A band drawn behind the series (same number of points), or <see langword="null"/>.</summary>
    public ChartBand? Band { get; init; }

    /// <summary>Threshold lines across the chart.</summary>
    public IReadOnlyList<ChartThreshold> Thresholds { get; init; } = [];

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

        var svg = new SvgWriter(builder);
        svg.Open(CssClass, Title);
        var all = Series.SelectMany(s => s.Values).Concat(Band?.Lower ?? []).Concat(Band?.Upper ?? [])
            .Where(v => v.HasValue).Select(v => v!.Value).Concat(Thresholds.Select(t => t.Value)).ToList();
        var lo = all.DefaultIfEmpty(0).Min();
        var hi = all.DefaultIfEmpty(1).Max();
        if (Format == ChartValueFormat.Percent || lo >= 0 && lo < (hi - lo) * 0.5)
        {
            lo = Math.Min(0, lo);
        }

        var ticks = SvgWriter.NiceTicks(lo, hi, 5);
        double yLo = ticks[0], yHi = ticks[^1];
        double Y(double v) => SvgWriter.Top + svg.PlotHeight - ((v - yLo) / (yHi - yLo) * svg.PlotHeight);
        var n = Points.Count;
        double X(int i) => n == 1 ? svg.Left + (svg.PlotWidth / 2) : svg.Left + 10 + (i * (svg.PlotWidth - 20) / (n - 1));
        svg.YAxis(ticks, Y, YAxis, Format);

        var legend = new List<(string, string, bool, bool)>();
        if (Band is { } b)
        {
            foreach (var run in Runs(i => b.Lower[i].HasValue && b.Upper[i].HasValue))
            {
                var polygon = run.Select(i => (X(i), Y(b.Upper[i]!.Value))).Concat(run.AsEnumerable().Reverse().Select(i => (X(i),
                    Y(b.Lower[i]!.Value))));
                svg.Polygon([.. polygon], ChartPalette.Band, 0.8, "band", b.Name);
            }

            legend.Add((b.Name, ChartPalette.Band, false, false));
        }

        foreach (var threshold in Thresholds)
        {
            var ty = Y(threshold.Value);
            svg.Line(svg.Left, ty, svg.Left + svg.PlotWidth, ty, ChartPalette.Threshold, 2, dashed: true, cssClass: "threshold");
            svg.Text(svg.Left + 6, ty - 6, threshold.Label, fill: ChartPalette.ForSeverity(Core.Severity.Critical));
            builder.Append('\n');
        }

        if (Thresholds.Count > 0)
        {
            legend.Add(("threshold", ChartPalette.Threshold, true, true));
        }

        foreach (var series in Series)
        {
            foreach (var run in Runs(i => series.Values[i].HasValue))
            {
                svg.Polyline([.. run.Select(i => (X(i), Y(series.Values[i]!.Value)))], series.Colour, 2, series.Style == ChartLineStyle.Dashed,
                    "series");
            }

            for (var i = 0; i < n; i++)
            {
                if (series.Values[i] is { } v)
                {
                    var tip = series.Name + " · " + Points[i] + ": " + SvgWriter.Value(v, Format, significantDigits);
                    if (Band is { } band2 && band2.Lower[i] is { } l && band2.Upper[i] is { } u)
                    {
                        tip += " " + Formatting.ReportFormat.Interval(l, u, Format == ChartValueFormat.Percent, significantDigits);
                    }

                    svg.Circle(X(i), Y(v), 3.5, series.Colour, tip, "point");
                }
            }

            builder.Append('\n');
            legend.Add((series.Name, series.Colour, true, series.Style == ChartLineStyle.Dashed));
        }

        var every = Math.Max(1, (int)Math.Ceiling(n / 8.0));
        for (var i = 0; i < n; i++)
        {
            if (i % every == 0 || i == n - 1 && (n - 1) % every >= every / 2)
            {
                svg.XTick(X(i), Points[i].Length > 14 ? Points[i][..13] + "…" : Points[i]);
            }
        }

        svg.XAxis(XAxis);
        svg.Legend(legend);
        svg.Close();
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
