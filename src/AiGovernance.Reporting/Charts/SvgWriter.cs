using System.Globalization;
using System.Net;
using System.Text;
using AiGovernance.Reporting.Formatting;

namespace AiGovernance.Reporting.Charts;

/// <summary>Writes the SVG elements every chart shares: a white plot area, axes with ticks and titles, a legend, bars,
/// lines and markers with tooltips. Every text is XML-escaped here, so no chart can emit markup from data.</summary>
internal sealed class SvgWriter
{
    public const double Width = 760;
    public const double DefaultHeight = 300;
    public const double Top = 40;
    public const double Bottom = 62;
    public const double Right = 24;
    public const double DefaultLeft = 72;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly StringBuilder _b;

    public SvgWriter(StringBuilder builder, double height = DefaultHeight, double left = DefaultLeft)
    {
        _b = builder;
        Height = height;
        Left = left;
    }

    public double Height { get; }

    public double Left { get; }

    public double PlotWidth => Width - Left - Right;

    public double PlotHeight => Height - Top - Bottom;

    public double PlotBottom => Top + PlotHeight;

    public static string E(string text) => WebUtility.HtmlEncode(text);

    public static string F(double value) => value.ToString("0.##", Inv);

    public void Open(string cssClass, string title)
    {
        _b.Append("<svg class=\"").Append(E(cssClass)).Append("\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
            .Append(F(Width)).Append(' ').Append(F(Height)).Append("\" width=\"").Append(F(Width)).Append("\" height=\"").Append(F(Height))
            .Append("\" role=\"img\" aria-label=\"").Append(E(title)).Append("\">\n<title>").Append(E(title)).Append("</title>\n")
            .Append("<rect x=\"0\" y=\"0\" width=\"").Append(F(Width)).Append("\" height=\"").Append(F(Height)).Append("\" fill=\"#ffffff\"/>\n");
    }

    public void Close() => _b.Append("</svg>\n");

    public void Raw(string markup) => _b.Append(markup);

    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, bool dashed = false, string? cssClass = null)
    {
        _b.Append("<line");
        Class(cssClass);
        _b.Append(" x1=\"").Append(F(x1)).Append("\" y1=\"").Append(F(y1)).Append("\" x2=\"").Append(F(x2)).Append("\" y2=\"").Append(F(y2))
            .Append("\" stroke=\"").Append(E(stroke)).Append('"');
        if (width != 1)
        {
            _b.Append(" stroke-width=\"").Append(F(width)).Append('"');
        }

        if (dashed)
        {
            _b.Append(" stroke-dasharray=\"7 5\"");
        }

        _b.Append("/>");
    }

    public void Rect(double x, double y, double w, double h, string fill, double opacity, string? tooltip, string? cssClass = null)
    {
        _b.Append("<rect");
        Class(cssClass);
        _b.Append(" x=\"").Append(F(x)).Append("\" y=\"").Append(F(y)).Append("\" width=\"").Append(F(Math.Max(0, w))).Append("\" height=\"")
            .Append(F(Math.Max(0, h))).Append("\" fill=\"").Append(E(fill)).Append('"');
        if (opacity < 1)
        {
            _b.Append(" fill-opacity=\"").Append(F(opacity)).Append('"');
        }

        Tooltip(tooltip, "rect");
    }

    public void Circle(double cx, double cy, double r, string fill, string? tooltip, string? cssClass = null, string? stroke = null)
    {
        _b.Append("<circle");
        Class(cssClass);
        _b.Append(" cx=\"").Append(F(cx)).Append("\" cy=\"").Append(F(cy)).Append("\" r=\"").Append(F(r)).Append("\" fill=\"").Append(E(fill))
            .Append('"');
        if (stroke is not null)
        {
            _b.Append(" stroke=\"").Append(E(stroke)).Append("\" stroke-width=\"2.5\"");
        }

        Tooltip(tooltip, "circle");
    }

    public void Polyline(IReadOnlyList<(double X, double Y)> points, string stroke, double width, bool dashed, string? cssClass)
    {
        if (points.Count == 0)
        {
            return;
        }

        _b.Append("<polyline");
        Class(cssClass);
        _b.Append(" points=\"");
        for (var i = 0; i < points.Count; i++)
        {
            _b.Append(i == 0 ? string.Empty : " ").Append(F(points[i].X)).Append(',').Append(F(points[i].Y));
        }

        _b.Append("\" fill=\"none\" stroke=\"").Append(E(stroke)).Append("\" stroke-width=\"").Append(F(width)).Append('"');
        if (dashed)
        {
            _b.Append(" stroke-dasharray=\"4 4\"");
        }

        _b.Append("/>\n");
    }

    public void Polygon(IReadOnlyList<(double X, double Y)> points, string fill, double opacity, string? cssClass, string? tooltip)
    {
        _b.Append("<polygon");
        Class(cssClass);
        _b.Append(" points=\"");
        for (var i = 0; i < points.Count; i++)
        {
            _b.Append(i == 0 ? string.Empty : " ").Append(F(points[i].X)).Append(',').Append(F(points[i].Y));
        }

        _b.Append("\" fill=\"").Append(E(fill)).Append("\" fill-opacity=\"").Append(F(opacity)).Append('"');
        Tooltip(tooltip, "polygon");
    }

    public void Text(double x, double y, string text, double size = 11, string anchor = "start", string? fill = null, bool bold = false,
        double rotate = 0, string? cssClass = null)
    {
        _b.Append("<text");
        Class(cssClass);
        _b.Append(" x=\"").Append(F(x)).Append("\" y=\"").Append(F(y)).Append("\" font-size=\"").Append(F(size)).Append('"');
        if (anchor != "start")
        {
            _b.Append(" text-anchor=\"").Append(anchor).Append('"');
        }

        if (fill is not null)
        {
            _b.Append(" fill=\"").Append(E(fill)).Append('"');
        }

        if (bold)
        {
            _b.Append(" font-weight=\"700\"");
        }

        if (rotate != 0)
        {
            _b.Append(" transform=\"rotate(").Append(F(rotate)).Append(' ').Append(F(x)).Append(' ').Append(F(y)).Append(")\"");
        }

        _b.Append('>').Append(E(text)).Append("</text>");
    }

    /// <summary>Horizontal grid lines with tick labels, the vertical axis line and its rotated title.</summary>
    public void YAxis(IReadOnlyList<double> ticks, Func<double, double> y, ChartAxis axis, ChartValueFormat format)
    {
        foreach (var tick in ticks)
        {
            var ty = y(tick);
            Line(Left, ty, Left + PlotWidth, ty, ChartPalette.Grid);
            Text(Left - 6, ty + 4, TickLabel(tick, format), anchor: "end");
            _b.Append('\n');
        }

        var mid = Top + (PlotHeight / 2);
        Text(14, mid, axis.Title, size: 12, anchor: "middle", rotate: -90, cssClass: "axis-title y");
        _b.Append('\n');
        Line(Left, Top, Left, PlotBottom, ChartPalette.Axis);
        _b.Append('\n');
    }

    public void XAxis(ChartAxis axis)
    {
        Line(Left, PlotBottom, Left + PlotWidth, PlotBottom, ChartPalette.Axis);
        Text(Left + (PlotWidth / 2), Height - 10, axis.Title, size: 12, anchor: "middle", cssClass: "axis-title x");
        _b.Append('\n');
    }

    public void XTick(double x, string label, bool slanted = false, string? fill = null, bool bold = false)
    {
        Line(x, PlotBottom, x, PlotBottom + 5, ChartPalette.Axis);
        if (slanted)
        {
            Text(x, PlotBottom + 12, label, size: 10, anchor: "end", fill: fill, bold: bold, rotate: -30);
        }
        else
        {
            Text(x, PlotBottom + 18, label, anchor: "middle", fill: fill, bold: bold);
        }

        _b.Append('\n');
    }

    public void Legend(IReadOnlyList<(string Label, string Colour, bool Line, bool Dashed)> items)
    {
        var x = Left + 4;
        _b.Append("<g class=\"legend\">");
        foreach (var (label, colour, line, dashed) in items)
        {
            var text = label.Length > 40 ? label[..39] + "…" : label;
            if (line)
            {
                Line(x, 17, x + 18, 17, colour, 2.5, dashed);
            }
            else
            {
                Rect(x, 11, 18, 12, colour, 0.75, null);
            }

            Text(x + 24, 21, text, size: 12);
            x += 34 + (text.Length * 6.8);
        }

        _b.Append("</g>\n");
    }

    public static string TickLabel(double tick, ChartValueFormat format)
    {
        if (format == ChartValueFormat.Percent)
        {
            return (tick * 100).ToString("0.####", Inv) + "%";
        }

        var abs = Math.Abs(tick);
        return abs >= 1_000_000 ? (tick / 1_000_000).ToString("0.##", Inv) + "M"
            : abs >= 10_000 ? (tick / 1_000).ToString("0.#", Inv) + "k"
            : tick.ToString("0.######", Inv);
    }

    public static string Value(double? value, ChartValueFormat format, int digits) =>
        format == ChartValueFormat.Percent ? ReportFormat.Percent(value, digits) : ReportFormat.Number(value, digits);

    /// <summary>Round tick values covering [lo, hi] with steps of 1, 2, 2.5 or 5 × 10^k.</summary>
    public static double[] NiceTicks(double lo, double hi, int count)
    {
        if (!(hi > lo))
        {
            hi = lo + (Math.Abs(lo) > 0 ? Math.Abs(lo) * 0.1 : 1);
        }

        var raw = (hi - lo) / count;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double[] multiples = [1, 2, 2.5, 5, 10];
        var step = magnitude * 10;
        foreach (var m in multiples)
        {
            if (m * magnitude >= raw)
            {
                step = m * magnitude;
                break;
            }
        }

        var start = Math.Floor(lo / step) * step;
        var end = Math.Ceiling(hi / step) * step;
        var ticks = new List<double>();
        for (var v = start; v <= end + (step / 2); v += step)
        {
            ticks.Add(Math.Round(v / step) * step);
        }

        return [.. ticks];
    }

    private void Class(string? cssClass)
    {
        if (cssClass is not null)
        {
            _b.Append(" class=\"").Append(E(cssClass)).Append('"');
        }
    }

    private void Tooltip(string? tooltip, string element)
    {
        if (tooltip is null)
        {
            _b.Append("/>");
            return;
        }

        _b.Append("><title>").Append(E(tooltip)).Append("</title></").Append(element).Append('>');
    }
}
