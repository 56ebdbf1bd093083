using System.Globalization;
using System.Net;
using System.Text;
using AiGovernance.Reporting.Formatting;

namespace AiGovernance.Reporting.Charts;

/// <summary>Writes the SVG elements charts are drawn with — lines, bars, markers, polygons and texts, with tooltips — and the
/// number formats of ticks and tooltips. Every text is XML-escaped here, so no chart can emit markup from data. The frame around
/// the marks (axes, grid, legend, title) is <see cref="ChartFrame"/>'s.</summary>
internal sealed class SvgWriter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly StringBuilder _b;

    public SvgWriter(StringBuilder builder)
    {
        _b = builder;
    }

    public static string E(string text) => WebUtility.HtmlEncode(text);

    public static string F(double value) => value.ToString("0.##", Inv);

    public void Raw(string markup) => _b.Append(markup);

    public void NewLine() => _b.Append('\n');

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
