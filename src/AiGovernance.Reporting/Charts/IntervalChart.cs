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
        : base(title, valueAxis, rowAxis, "intervals", format)
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
    }

    /// <summary>The rows.</summary>
    public IReadOnlyList<IntervalChartRow> Rows { get; }

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
        var frame = ChartFrame.Open(builder, this, ChartFrame.Top + (Rows.Count * RowHeight) + ChartFrame.Bottom, LabelWidth);
        var svg = frame.Svg;
        double lo, hi;
        if (Domain is { } d)
        {
            (lo, hi) = d;
        }
        else
        {
            (lo, hi) = ChartScale.Range(Rows.SelectMany(r => new[] { r.Estimate, r.Lower, r.Upper })
                .Concat(References.Select(r => (double?)r.Value)));
            if (Format == ChartValueFormat.Percent)
            {
                lo = Math.Max(0, lo - 0.02);
                hi = Math.Min(1, hi + 0.02);
            }
        }

        var x = frame.HorizontalValueAxis(SvgWriter.NiceTicks(lo, hi, 6), YAxis, Format);
        for (var i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            var y = ChartFrame.Top + (RowHeight * (i + 0.5));
            var label = row.Label.Length > 24 ? row.Label[..23] + "…" : row.Label;
            svg.Text(frame.Left - 8, y + 4, row.Estimate is null ? label + " (n/a)" : label, anchor: "end");
            var tip = row.Label + ": " + SvgWriter.Value(row.Estimate, Format, significantDigits) + " "
                + Formatting.ReportFormat.Interval(row.Lower, row.Upper, Format == ChartValueFormat.Percent, significantDigits);
            if (row.Lower is { } l && row.Upper is { } u)
            {
                svg.Line(x.Map(l), y, x.Map(u), y, row.Colour, 2.5, cssClass: "interval");
                svg.Line(x.Map(l), y - 5, x.Map(l), y + 5, row.Colour, 2);
                svg.Line(x.Map(u), y - 5, x.Map(u), y + 5, row.Colour, 2);
            }

            if (row.Estimate is { } e)
            {
                svg.Circle(x.Map(e), y, 5, row.Colour, tip, "estimate");
            }

            svg.NewLine();
        }

        foreach (var reference in References)
        {
            frame.VerticalThreshold(reference, x);
            frame.AddLegend(reference);
        }

        frame.Close(XAxis);
    }
}
