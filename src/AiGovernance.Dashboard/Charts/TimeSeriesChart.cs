using System.Globalization;
using AiGovernance.Dashboard.Pages;

namespace AiGovernance.Dashboard.Charts;

/// <summary>A line of a time-series chart.</summary>
internal sealed record ChartSeries(string Name, string Colour, IReadOnlyList<(DateTimeOffset At, double Value)> Points);

/// <summary>A horizontal reference line (a threshold).</summary>
internal sealed record ChartThreshold(double Value, string Label, string Colour);

/// <summary>What a time-series chart shows: lines, optionally an interval band around the first line, thresholds, and points
/// to mark (drifted windows, failed gates) in the severity colour.</summary>
internal sealed record ChartSpec(string Title, string YLabel, IReadOnlyList<ChartSeries> Series)
{
    public IReadOnlyList<ChartThreshold> Thresholds { get; init; } = [];

    public IReadOnlyList<(DateTimeOffset At, double Lower, double Upper)> Band { get; init; } = [];

    public IReadOnlyList<(DateTimeOffset At, double Value)> Marks { get; init; } = [];

    public double? YMin { get; init; }

    public double? YMax { get; init; }

    public string CssClass { get; init; } = "series";
}

/// <summary>Renders a time series as inline SVG in the report's visual grammar: current values orange, reference and
/// thresholds blue/grey dashed, marked points red; labelled axes with units; presentation attributes only (no <c>style</c>), so
/// the page's Content-Security-Policy needs no inline styles.</summary>
/// <remarks>O(points). Every text in the chart (title, axis labels, series names) goes through <see cref="HtmlWriter.Text"/>.</remarks>
internal static class TimeSeriesChart
{
    public const string Current = "#e8710a";
    public const string Reference = "#1f5fa8";
    public const string Severe = "#c62828";
    public const string Grey = "#8a96a3";

    private const double Width = 460;
    private const double Height = 180;
    private const double Left = 52;
    private const double Right = 12;
    private const double Top = 12;
    private const double Bottom = 34;

    public static void Render(HtmlWriter html, ChartSpec spec)
    {
        var points = spec.Series.SelectMany(s => s.Points).ToList();
        html.Raw("<svg class=\"chart ").Raw(spec.CssClass).Raw("\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 460 180\" width=\"460\" " +
            "height=\"180\"")
            .Raw(" role=\"img\"").Attribute("aria-label", spec.Title).Raw("><title>").Text(spec.Title).Raw("</title>");
        if (points.Count == 0)
        {
            html.Raw("<text x=\"230\" y=\"90\" text-anchor=\"middle\" font-size=\"12\" fill=\"#5b6b7c\">no data in the period</text></svg>");
            return;
        }

        var xMin = points.Min(p => p.At).UtcTicks;
        var xMax = points.Max(p => p.At).UtcTicks;
        if (xMax == xMin)
        {
            xMax = xMin + TimeSpan.TicksPerDay;
        }

        var values = points.Select(p => p.Value).Concat(spec.Thresholds.Select(t => t.Value)).Concat(spec.Band.SelectMany(b => new[] { b.Lower,
            b.Upper }));
        var yMin = spec.YMin ?? Math.Min(0, values.Min());
        var yMax = spec.YMax ?? values.Max();
        var step = NiceStep((yMax - yMin) / 4);
        yMax = yMin + (Math.Ceiling((yMax - yMin) / step) * step);
        if (yMax <= yMin)
        {
            yMax = yMin + step;
        }

        double X(DateTimeOffset at) => Left + ((at.UtcTicks - xMin) / (double)(xMax - xMin) * (Width - Left - Right));
        double Y(double value) => Top + ((yMax - Math.Clamp(value, yMin, yMax)) / (yMax - yMin) * (Height - Top - Bottom));

        // Axes, grid and tick labels.
        html.Raw("<g class=\"axes\" font-size=\"10\" fill=\"#5b6b7c\">");
        for (var tick = yMin; tick <= yMax + (step / 2); tick += step)
        {
            var y = F(Y(tick));
            html.Raw("<line x1=\"").Raw(F(Left)).Raw("\" x2=\"").Raw(F(Width - Right)).Raw("\" y1=\"").Raw(y).Raw("\" y2=\"").Raw(y)
                .Raw("\" stroke=\"#e3e8ee\"/><text x=\"").Raw(F(Left - 4)).Raw("\" y=\"").Raw(F(Y(tick) + 3)).Raw("\" text-anchor=\"end\">")
                .Raw(tick.ToString("0.###", CultureInfo.InvariantCulture)).Raw("</text>");
        }

        for (var i = 0; i <= 4; i++)
        {
            var at = new DateTimeOffset(xMin + ((xMax - xMin) * i / 4), TimeSpan.Zero);
            html.Raw("<text x=\"").Raw(F(X(at))).Raw("\" y=\"").Raw(F(Height - Bottom + 13)).Raw("\" text-anchor=\"middle\">")
                .Raw(at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Raw("</text>");
        }

        html.Raw("<line x1=\"").Raw(F(Left)).Raw("\" x2=\"").Raw(F(Left)).Raw("\" y1=\"").Raw(F(Top)).Raw("\" y2=\"").Raw(F(Height - Bottom))
            .Raw("\" stroke=\"#5b6b7c\"/><line x1=\"").Raw(F(Left)).Raw("\" x2=\"").Raw(F(Width - Right)).Raw("\" y1=\"").Raw(F(Height - Bottom))
            .Raw("\" y2=\"").Raw(F(Height - Bottom)).Raw("\" stroke=\"#5b6b7c\"/>")
            .Raw("<text class=\"y-label\" x=\"12\" y=\"").Raw(F((Top + Height - Bottom) / 2))
            .Raw("\" text-anchor=\"middle\" transform=\"rotate(-90 12 ")
            .Raw(F((Top + Height - Bottom) / 2)).Raw(")\">").Text(spec.YLabel).Raw("</text>")
            .Raw("<text class=\"x-label\" x=\"").Raw(F((Left + Width - Right) / 2)).Raw("\" y=\"").Raw(F(Height - 4))
            .Raw("\" text-anchor=\"middle\">window end (UTC)</text></g>");

        if (spec.Band.Count > 1)
        {
            html.Raw("<polygon class=\"band\" fill=\"").Raw(Current).Raw("\" fill-opacity=\"0.18\" points=\"");
            foreach (var (at, _, upper) in spec.Band)
            {
                html.Raw(F(X(at))).Raw(",").Raw(F(Y(upper))).Raw(" ");
            }

            for (var i = spec.Band.Count - 1; i >= 0; i--)
            {
                html.Raw(F(X(spec.Band[i].At))).Raw(",").Raw(F(Y(spec.Band[i].Lower))).Raw(" ");
            }

            html.Raw("\"/>");
        }

        foreach (var threshold in spec.Thresholds)
        {
            var y = F(Y(threshold.Value));
            html.Raw("<line class=\"threshold\" x1=\"").Raw(F(Left)).Raw("\" x2=\"").Raw(F(Width - Right)).Raw("\" y1=\"").Raw(y).Raw("\" y2=\"")
                .Raw(y)
                .Raw("\" stroke=\"").Raw(threshold.Colour).Raw("\" stroke-dasharray=\"5 3\"/><text x=\"").Raw(F(Width - Right - 2)).Raw("\" y=\"")
                .Raw(F(Y(threshold.Value) - 3)).Raw("\" text-anchor=\"end\" font-size=\"10\" fill=\"").Raw(threshold.Colour).Raw("\">")
                .Text(threshold.Label).Raw("</text>");
        }

        foreach (var series in spec.Series)
        {
            if (series.Points.Count == 0)
            {
                continue;
            }

            html.Raw("<polyline class=\"line\" fill=\"none\" stroke-width=\"1.8\" stroke=\"").Raw(series.Colour).Raw("\" points=\"");
            foreach (var (at, value) in series.Points)
            {
                html.Raw(F(X(at))).Raw(",").Raw(F(Y(value))).Raw(" ");
            }

            html.Raw("\"><title>").Text(series.Name).Raw("</title></polyline>");
        }

        foreach (var (at, value) in spec.Marks)
        {
            html.Raw("<circle class=\"mark\" r=\"3\" fill=\"").Raw(Severe).Raw("\" cx=\"").Raw(F(X(at))).Raw("\" cy=\"").Raw(F(Y(value))).Raw("\"/>");
        }

        if (spec.Series.Count > 1 || spec.Thresholds.Count > 0)
        {
            html.Raw("<g class=\"legend\" font-size=\"10\">");
            var x = Left + 6;
            foreach (var series in spec.Series)
            {
                html.Raw("<rect x=\"").Raw(F(x)).Raw("\" y=\"").Raw(F(Top)).Raw("\" width=\"10\" height=\"3\" fill=\"").Raw(series.Colour)
                    .Raw("\"/><text x=\"")
                    .Raw(F(x + 13)).Raw("\" y=\"").Raw(F(Top + 4)).Raw("\" fill=\"#1d2733\">").Text(series.Name).Raw("</text>");
                x += 20 + (6 * Math.Min(series.Name.Length, 24));
            }

            html.Raw("</g>");
        }

        html.Raw("</svg>");
    }

    private static double NiceStep(double raw)
    {
        if (!(raw > 0) || !double.IsFinite(raw))
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var normalised = raw / magnitude;
        return (normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10) * magnitude;
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
