using System.Text;

namespace AiGovernance.Reporting.Charts;

/// <summary>A forest plot: one row per group, reviewer or gate, each a point estimate with its confidence interval, against
/// vertical reference lines (a threshold, the overall rate, parity).</summary>
/// <remarks>The value axis runs horizontally; the chart grows 24 px per row. An undefined estimate leaves its row empty and
/// says so in the row's label.</remarks>
public sealed class IntervalChart : ReportChart
{
    private const double RowHeight = 24;
    private const double LabelWidth = 170;

    /// <summary>Creates an interval chart.</summary>
    /// <param name="title">What the chart shows.</param>
    /// <param name="rows">The rows, top to bottom (at most 500).</param>
    /// <param name="valueAxis">The horizontal value axis.</param>
    /// <param name="rowAxis">The vertical axis naming what a row is (for example "group").</param>
    /// <param name="format">Numbers or percentages.</param>
    /// <exception cref="ArgumentException">There is no row or more than 500, a bound or estimate is not finite, or a lower
    /// bound is above its upper bound.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public IntervalChart(string title, IReadOnlyList<IntervalChartRow> rows, ChartAxis valueAxis, ChartAxis rowAxis,
        ChartValueFormat format = ChartValueFormat.Number)
        : base(title, valueAxis, rowAxis, "intervals")
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count is 0 or > 500)
        {
            throw new ArgumentException($"An interval chart takes 1 to 500 rows; got {rows.Count}.", nameof(rows));
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i] ?? throw new ArgumentException($"Row {i} is null.", nameof(rows));
            if (r.Estimate is { } e && !double.IsFinite(e) || r.Lower is { } l && !double.IsFinite(l) || r.Upper is { } u && !double.IsFinite(u))
            {
                throw new ArgumentException($"Row {i} ('{r.Label}') has a value that is not finite; use null for undefined.", nameof(rows));
            }

            if (r.Lower > r.Upper)
            {
                throw new ArgumentException($"Row {i} ('{r.Label}') has its lower bound above its upper bound.", nameof(rows));
            }
        }

        Rows = rows;
        Format = format;
    }

    /// <summary>The rows.</summary>
    public IReadOnlyList<IntervalChartRow> Rows { get; }

    /// <summary>Numbers or percentages.</summary>
    public ChartValueFormat Format { get; }

    /// <summary>Vertical reference lines (thresholds, parity, the overall rate).</summary>
    public IReadOnlyList<ChartThreshold> References { get; init; } = [];

    /// <summary>The shown value range, or <see langword="null"/> to fit the data (rates default to [0, 1] when they fill most
    /// of it).</summary>
    public (double Min, double Max)? Domain { get; init; }

    /// <inheritdoc />
    public override string Describe() =>
        $"{Title}: {Rows.Count} {YAxis.Label} estimates with intervals on {XAxis.Title}"
        + (References.Count > 0 ? $", against {string.Join(", ", References.Select(r => r.Label))}." : ".");

    private protected override void Write(StringBuilder builder, int significantDigits)
    {
        var height = SvgWriter.Top + (Rows.Count * RowHeight) + SvgWriter.Bottom;
        var svg = new SvgWriter(builder, height, LabelWidth);
        svg.Open(CssClass, Title);
        double lo, hi;
        if (Domain is { } d)
        {
            (lo, hi) = d;
        }
        else
        {
            var values = Rows.SelectMany(r => new[] { r.Estimate, r.Lower, r.Upper }).Where(v => v.HasValue).Select(v => v!.Value)
                .Concat(References.Select(r => r.Value)).ToList();
            lo = values.DefaultIfEmpty(0).Min();
            hi = values.DefaultIfEmpty(1).Max();
            if (Format == ChartValueFormat.Percent)
            {
                lo = Math.Max(0, lo - 0.02);
                hi = Math.Min(1, hi + 0.02);
            }
        }

        var ticks = SvgWriter.NiceTicks(lo, hi, 6);
        double xLo = ticks[0], xHi = ticks[^1];
        double X(double v) => svg.Left + ((v - xLo) / (xHi - xLo) * svg.PlotWidth);
        foreach (var tick in ticks)
        {
            svg.Line(X(tick), SvgWriter.Top, X(tick), svg.PlotBottom, ChartPalette.Grid);
            svg.XTick(X(tick), SvgWriter.TickLabel(tick, Format));
        }

        svg.Line(svg.Left, SvgWriter.Top, svg.Left, svg.PlotBottom, ChartPalette.Axis);
        svg.Text(12, SvgWriter.Top - 8, YAxis.Title, size: 12, cssClass: "axis-title y");
        for (var i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            var y = SvgWriter.Top + (RowHeight * (i + 0.5));
            var label = row.Label.Length > 24 ? row.Label[..23] + "…" : row.Label;
            svg.Text(svg.Left - 8, y + 4, row.Estimate is null ? label + " (n/a)" : label, anchor: "end");
            var tip = row.Label + ": " + SvgWriter.Value(row.Estimate, Format, significantDigits) + " "
                + Formatting.ReportFormat.Interval(row.Lower, row.Upper, Format == ChartValueFormat.Percent, significantDigits);
            if (row.Lower is { } l && row.Upper is { } u)
            {
                svg.Line(X(l), y, X(u), y, row.Colour, 2.5, cssClass: "interval");
                svg.Line(X(l), y - 5, X(l), y + 5, row.Colour, 2);
                svg.Line(X(u), y - 5, X(u), y + 5, row.Colour, 2);
            }

            if (row.Estimate is { } e)
            {
                svg.Circle(X(e), y, 5, row.Colour, tip, "estimate");
            }

            builder.Append('\n');
        }

        var legend = new List<(string, string, bool, bool)>();
        foreach (var reference in References)
        {
            svg.Line(X(reference.Value), SvgWriter.Top - 4, X(reference.Value), svg.PlotBottom, ChartPalette.Threshold, 2, dashed: true,
                cssClass: "threshold");
            legend.Add((reference.Label, ChartPalette.Threshold, true, true));
        }

        svg.XAxis(XAxis);
        if (legend.Count > 0)
        {
            svg.Legend(legend);
        }

        svg.Close();
    }
}
