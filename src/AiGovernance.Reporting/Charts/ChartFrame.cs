using System.Text;

namespace AiGovernance.Reporting.Charts;

/// <summary>The frame every chart draws in, so all of them read the same way: the <c>&lt;svg&gt;</c> element with its accessible
/// name (<c>&lt;title&gt;</c>) and text alternative (<c>&lt;desc&gt;</c>, the chart's <see cref="ReportChart.Describe"/>), a white
/// background, the plot area, a value axis with round ticks, grid lines and a titled axis line, dashed threshold lines in their
/// colours, the horizontal axis with its title, and one legend row collected while the chart draws its marks.</summary>
/// <remarks>A chart opens the frame, draws its value axis (vertical, or horizontal for <see cref="IntervalChart"/>), adds its
/// marks through <see cref="Svg"/> and its legend entries through <c>AddLegend</c>, then <see cref="Close"/>s the frame.
/// Every text goes through <see cref="SvgWriter"/>, which escapes it.</remarks>
internal sealed class ChartFrame
{
    public const double Width = 760;
    public const double DefaultHeight = 300;
    public const double Top = 40;
    public const double Bottom = 62;
    public const double Right = 24;
    public const double DefaultLeft = 72;

    private readonly List<(string Label, string Colour, LegendMark Mark)> _legend = [];

    private ChartFrame(StringBuilder builder, double height, double left)
    {
        Svg = new SvgWriter(builder);
        Height = height;
        Left = left;
    }

    /// <summary>The element writer for the chart's own marks.</summary>
    public SvgWriter Svg { get; }

    public double Height { get; }

    /// <summary>The left edge of the plot area (room for tick labels and the vertical axis title).</summary>
    public double Left { get; }

    public double PlotWidth => Width - Left - Right;

    public double PlotHeight => Height - Top - Bottom;

    public double PlotRight => Left + PlotWidth;

    public double PlotBottom => Top + PlotHeight;

    /// <summary>Writes the <c>&lt;svg&gt;</c> element's start, its title and description, and the white background.</summary>
    public static ChartFrame Open(StringBuilder builder, ReportChart chart, double height = DefaultHeight, double left = DefaultLeft)
    {
        var frame = new ChartFrame(builder, height, left);
        builder.Append("<svg class=\"").Append(SvgWriter.E(chart.CssClass)).Append("\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
            .Append(SvgWriter.F(Width)).Append(' ').Append(SvgWriter.F(height)).Append("\" width=\"").Append(SvgWriter.F(Width))
            .Append("\" height=\"").Append(SvgWriter.F(height)).Append("\" role=\"img\" aria-label=\"").Append(SvgWriter.E(chart.Title))
            .Append("\">\n<title>").Append(SvgWriter.E(chart.Title)).Append("</title>\n<desc>").Append(SvgWriter.E(chart.Describe()))
            .Append("</desc>\n<rect x=\"0\" y=\"0\" width=\"").Append(SvgWriter.F(Width)).Append("\" height=\"").Append(SvgWriter.F(height))
            .Append("\" fill=\"#ffffff\"/>\n");
        return frame;
    }

    /// <summary>The vertical value axis: a grid line and label per tick, the axis line and its rotated title.</summary>
    /// <returns>The scale mapping values to the plot's y coordinates (the first tick at the bottom, the last at the top).</returns>
    public ChartScale ValueAxis(IReadOnlyList<double> ticks, ChartAxis axis, ChartValueFormat format)
    {
        var y = new ChartScale(ticks[0], ticks[^1], PlotBottom, Top);
        foreach (var tick in ticks)
        {
            var ty = y.Map(tick);
            Svg.Line(Left, ty, PlotRight, ty, ChartPalette.Grid);
            Svg.Text(Left - 6, ty + 4, SvgWriter.TickLabel(tick, format), anchor: "end");
            Svg.NewLine();
        }

        var mid = Top + (PlotHeight / 2);
        Svg.Text(14, mid, axis.Title, size: 12, anchor: "middle", rotate: -90, cssClass: "axis-title y");
        Svg.NewLine();
        Svg.Line(Left, Top, Left, PlotBottom, ChartPalette.Axis);
        Svg.NewLine();
        return y;
    }

    /// <summary>The horizontal value axis of a chart whose rows run down the side: a vertical grid line and a labelled tick per
    /// tick value, the row axis line and the row axis title above it.</summary>
    /// <returns>The scale mapping values to the plot's x coordinates.</returns>
    public ChartScale HorizontalValueAxis(IReadOnlyList<double> ticks, ChartAxis rowAxis, ChartValueFormat format)
    {
        var x = new ChartScale(ticks[0], ticks[^1], Left, PlotRight);
        foreach (var tick in ticks)
        {
            Svg.Line(x.Map(tick), Top, x.Map(tick), PlotBottom, ChartPalette.Grid);
            XTick(x.Map(tick), SvgWriter.TickLabel(tick, format));
        }

        Svg.Line(Left, Top, Left, PlotBottom, ChartPalette.Axis);
        Svg.Text(12, Top - 8, rowAxis.Title, size: 12, cssClass: "axis-title y");
        return x;
    }

    /// <summary>A tick mark with its label under the plot; slanted when the labels are many.</summary>
    public void XTick(double x, string label, bool slanted = false, string? fill = null, bool bold = false)
    {
        Svg.Line(x, PlotBottom, x, PlotBottom + 5, ChartPalette.Axis);
        if (slanted)
        {
            Svg.Text(x, PlotBottom + 12, label, size: 10, anchor: "end", fill: fill, bold: bold, rotate: -30);
        }
        else
        {
            Svg.Text(x, PlotBottom + 18, label, anchor: "middle", fill: fill, bold: bold);
        }

        Svg.NewLine();
    }

    /// <summary>A dashed threshold line across the plot at <paramref name="threshold"/>'s value, in its colour.</summary>
    public void HorizontalThreshold(ChartThreshold threshold, ChartScale y)
    {
        var ty = y.Map(threshold.Value);
        Svg.Line(Left, ty, PlotRight, ty, threshold.Colour, 2, dashed: true, cssClass: "threshold");
        Svg.NewLine();
    }

    /// <summary>A dashed reference line down the plot at <paramref name="threshold"/>'s value, in its colour.</summary>
    public void VerticalThreshold(ChartThreshold threshold, ChartScale x)
    {
        var tx = x.Map(threshold.Value);
        Svg.Line(tx, Top - 4, tx, PlotBottom, threshold.Colour, 2, dashed: true, cssClass: "threshold");
        Svg.NewLine();
    }

    /// <summary>Adds an entry to the legend drawn by <see cref="Close"/>, in the order added: series first, then bands, then
    /// thresholds, then marks.</summary>
    public void AddLegend(string label, string colour, LegendMark mark) => _legend.Add((label, colour, mark));

    /// <summary>Adds a threshold's dashed line, in its colour, with its label to the legend.</summary>
    public void AddLegend(ChartThreshold threshold) => _legend.Add((threshold.Label, threshold.Colour, LegendMark.DashedLine));

    /// <summary>Writes the horizontal axis line and title, the legend, and ends the element.</summary>
    public void Close(ChartAxis xAxis)
    {
        Svg.Line(Left, PlotBottom, PlotRight, PlotBottom, ChartPalette.Axis);
        Svg.Text(Left + (PlotWidth / 2), Height - 10, xAxis.Title, size: 12, anchor: "middle", cssClass: "axis-title x");
        Svg.NewLine();
        if (_legend.Count > 0)
        {
            WriteLegend();
        }

        Svg.Raw("</svg>\n");
    }

    private void WriteLegend()
    {
        var x = Left + 4;
        Svg.Raw("<g class=\"legend\">");
        foreach (var (label, colour, mark) in _legend)
        {
            var text = label.Length > 40 ? label[..39] + "…" : label;
            switch (mark)
            {
                case LegendMark.Line or LegendMark.DashedLine:
                    Svg.Line(x, 17, x + 18, 17, colour, 2.5, mark == LegendMark.DashedLine);
                    break;
                case LegendMark.Dot:
                    Svg.Circle(x + 9, 17, 4.5, colour, null);
                    break;
                default:
                    Svg.Rect(x, 11, 18, 12, colour, 0.75, null);
                    break;
            }

            Svg.Text(x + 24, 21, text, size: 12);
            x += 34 + (text.Length * 6.8);
        }

        Svg.Raw("</g>\n");
    }
}
