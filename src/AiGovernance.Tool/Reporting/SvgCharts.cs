using System.Globalization;
using System.Text;
using AiGovernance.Samples.DriftJob.Pipeline;

namespace AiGovernance.Samples.DriftJob.Reporting;

/// <summary>Inline SVG charts for the HTML report: axes with ticks and labels, a legend, no script.</summary>
internal static class SvgCharts
{
    private const double Width = 760;
    private const double Height = 300;
    private const double Left = 64;
    private const double Right = 20;
    private const double Top = 36;
    private const double Bottom = 58;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Overlaid reference and current histograms (numeric) or side-by-side bars per category (categorical),
    /// as shares of present values.</summary>
    public static string Distribution(string column, DistributionBins bins, bool numeric, string referenceColour, string currentColour,
        string windowName)
    {
        var b = new StringBuilder(8 * 1024);
        var title = (numeric ? "Histogram of " : "Categories of ") + column;
        Open(b, "distribution", title);
        var n = bins.Labels.Count;
        var yMax = Math.Max(bins.Reference.DefaultIfEmpty(0).Max(), bins.Current.DefaultIfEmpty(0).Max());
        var yTicks = NiceTicks(0, yMax <= 0 ? 1 : yMax, 5);
        var yTop = yTicks[^1];
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        double Y(double v) => Top + plotH - (v / yTop * plotH);

        YAxis(b, yTicks, Y, "share of present values", percent: true);
        if (numeric)
        {
            var lo = bins.Edges[0];
            var hi = bins.Edges[^1];
            double X(double v) => Left + ((v - lo) / (hi - lo) * plotW);
            var barW = plotW / n;
            for (var k = 0; k < n; k++)
            {
                Rect(b, Left + (k * barW), Y(bins.Reference[k]), barW, Top + plotH - Y(bins.Reference[k]), referenceColour, 0.55, string.Create(Inv,
                    $"reference {bins.Labels[k]}: {bins.Reference[k]:0.0%}"));
            }

            for (var k = 0; k < n; k++)
            {
                Rect(b, Left + (k * barW), Y(bins.Current[k]), barW, Top + plotH - Y(bins.Current[k]), currentColour, 0.55, string.Create(Inv,
                    $"current {bins.Labels[k]}: {bins.Current[k]:0.0%}"));
            }

            foreach (var tick in NiceTicks(lo, hi, 6))
            {
                if (tick < lo - 1e-9 * Math.Abs(hi - lo) || tick > hi + 1e-9 * Math.Abs(hi - lo))
                {
                    continue;
                }

                var x = X(tick);
                b.Append(Inv, $"<line x1=\"{x:0.##}\" y1=\"{Top + plotH:0.##}\" x2=\"{x:0.##}\" y2=\"{Top + plotH + 5:0.##}\" stroke=\"#52606d\"/>");
                b.Append(Inv,
                    $"<text x=\"{x:0.##}\" y=\"{Top + plotH + 18:0.##}\" font-size=\"11\" " +
                        $"text-anchor=\"middle\">{HtmlReportWriter.E(Compact(tick))}</text>\n");
            }
        }
        else
        {
            var group = plotW / Math.Max(1, n);
            var barW = Math.Min(28, group * 0.38);
            for (var k = 0; k < n; k++)
            {
                var cx = Left + (group * (k + 0.5));
                Rect(b, cx - barW - 1, Y(bins.Reference[k]), barW, Top + plotH - Y(bins.Reference[k]), referenceColour, 0.9, string.Create(Inv,
                    $"reference {bins.Labels[k]}: {bins.Reference[k]:0.0%}"));
                Rect(b, cx + 1, Y(bins.Current[k]), barW, Top + plotH - Y(bins.Current[k]), currentColour, 0.9, string.Create(Inv,
                    $"current {bins.Labels[k]}: {bins.Current[k]:0.0%}"));
                var maxLabel = n > 8 ? 12 : 16;
                var label = bins.Labels[k].Length > maxLabel ? bins.Labels[k][..(maxLabel - 1)] + "…" : bins.Labels[k];
                var emphasis = bins.IsNew[k] ? " font-weight=\"700\" fill=\"#b42318\"" : string.Empty;
                if (n > 8)
                {
                    // Many categories: slant the labels so neighbours do not overlap.
                    var ly = Top + plotH + 12;
                    b.Append(Inv,
                        $"<text x=\"{cx:0.##}\" y=\"{ly:0.##}\" font-size=\"10\" text-anchor=\"end\" transform=\"rotate(-30 {cx:0.##} " +
                            $"{ly:0.##})\"{emphasis}>{HtmlReportWriter.E(label)}</text>");
                }
                else
                {
                    b.Append(Inv,
                        $"<text x=\"{cx:0.##}\" y=\"{Top + plotH + 16:0.##}\" font-size=\"11\" " +
                            $"text-anchor=\"middle\"{emphasis}>{HtmlReportWriter.E(label)}</text>");
                }
                if (bins.IsNew[k] && n <= 8)
                {
                    b.Append(Inv,
                        $"<text x=\"{cx:0.##}\" y=\"{Top + plotH + 29:0.##}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#b42318\">new</text>");
                }

                b.Append('\n');
            }
        }

        XAxisLine(b, plotW, plotH);
        b.Append(Inv,
            $"<text x=\"{Left + (plotW / 2):0.##}\" y=\"{Height - 10:0.##}\" font-size=\"12\" " +
                $"text-anchor=\"middle\">{HtmlReportWriter.E(column)}{(numeric ? " (value)" : " (category)")}</text>\n");
        Legend(b, [("reference", referenceColour, false), ("current (" + windowName + ")", currentColour, false)]);
        b.Append("</svg>\n");
        return b.ToString();
    }

    /// <summary>Two horizontal bars: the reference's and the current window's missing rate.</summary>
    public static string MissingRates(string column, double reference, double current, string referenceColour, string currentColour,
        string windowName)
    {
        const double w = 760, h = 110, left = 150, right = 70;
        var b = new StringBuilder(1024);
        b.Append(Inv,
            $"<svg class=\"missing\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" " +
                $"aria-label=\"{HtmlReportWriter.E("Missing rate of " + column)}\">\n");
        b.Append(Inv, $"<text x=\"{left}\" y=\"16\" font-size=\"12\" font-weight=\"600\">Missing values (share of rows)</text>\n");
        var max = Math.Max(0.05, Math.Max(reference, current)) * 1.15;
        var plotW = w - left - right;
        (string Label, double Value, string Colour)[] rows = [("reference", reference, referenceColour), ("current (" + windowName + ")", current,
            currentColour)];
        for (var i = 0; i < rows.Length; i++)
        {
            var y = 28 + (i * 30);
            var barW = rows[i].Value / max * plotW;
            b.Append(Inv, $"<text x=\"{left - 8}\" y=\"{y + 15}\" font-size=\"12\" text-anchor=\"end\">{HtmlReportWriter.E(rows[i].Label)}</text>");
            b.Append(Inv, $"<rect x=\"{left}\" y=\"{y}\" width=\"{Math.Max(1, barW):0.##}\" height=\"20\" fill=\"{rows[i].Colour}\"/>");
            b.Append(Inv, $"<text x=\"{left + barW + 6:0.##}\" y=\"{y + 15}\" font-size=\"12\">{rows[i].Value:0.0%}</text>\n");
        }

        b.Append(Inv, $"<line x1=\"{left}\" y1=\"24\" x2=\"{left}\" y2=\"{h - 20}\" stroke=\"#52606d\"/>\n</svg>\n");
        return b.ToString();
    }

    /// <summary>The performance series with its fitted line, the projection to the threshold and the threshold itself.</summary>
    public static string Trend(TrendAnalysis t, string seriesColour)
    {
        var values = t.Series.Values;
        var n = values.Count;
        var trend = t.Trend;
        var last = n - 1;
        var fittedNow = trend.Projected - (trend.Slope * trend.ProjectionHorizon);
        var until = trend.PeriodsUntilThreshold;
        var ahead = (double)trend.ProjectionHorizon;
        if (double.IsFinite(until) && until > 0)
        {
            ahead = Math.Max(ahead, Math.Min(until + 1, 3.0 * n));
        }

        var xMax = last + ahead;
        double Line(double x) => fittedNow + (trend.Slope * (x - last));
        var lows = new List<double>(values) { Line(xMax) };
        var highs = new List<double>(values) { Line(last - trend.Count + 1) };
        if (double.IsFinite(t.Series.Threshold))
        {
            lows.Add(t.Series.Threshold);
            highs.Add(t.Series.Threshold);
        }

        var yTicks = NiceTicks(lows.Min(), highs.Max(), 5);
        double yLo = yTicks[0], yHi = yTicks[^1];
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        double X(double x) => Left + (x / xMax * plotW);
        double Y(double v) => Top + plotH - ((v - yLo) / (yHi - yLo) * plotH);

        var b = new StringBuilder(8 * 1024);
        Open(b, "trend", t.Series.Metric + " over time");
        YAxis(b, yTicks, Y, t.Series.Metric, percent: false);
        XAxisLine(b, plotW, plotH);

        // Period labels: every other observed period, then the projection's end.
        for (var i = 0; i < n; i += Math.Max(1, n / 6))
        {
            Tick(b, X(i), plotH, t.Series.PeriodLabels[i]);
        }

        Tick(b, X(xMax), plotH, string.Create(Inv, $"+{ahead:0.#} {t.Series.PeriodUnit}s"));
        b.Append(Inv,
            $"<text x=\"{Left + (plotW / 2):0.##}\" y=\"{Height - 10:0.##}\" font-size=\"12\" " +
                $"text-anchor=\"middle\">{HtmlReportWriter.E(t.Series.PeriodUnit)} (observed, then projected)</text>\n");

        // The future, shaded.
        b.Append(Inv, $"<rect x=\"{X(last):0.##}\" y=\"{Top}\" width=\"{X(xMax) - X(last):0.##}\" height=\"{plotH:0.##}\" fill=\"#f0f4f8\"/>\n");

        if (double.IsFinite(t.Series.Threshold))
        {
            var ty = Y(t.Series.Threshold);
            b.Append(Inv,
                $"<line class=\"threshold\" x1=\"{Left}\" y1=\"{ty:0.##}\" x2=\"{Left + plotW:0.##}\" y2=\"{ty:0.##}\" stroke=\"#d64545\" " +
                    $"stroke-width=\"2\" stroke-dasharray=\"7 5\"/>");
            b.Append(Inv,
                $"<text x=\"{Left + 6}\" y=\"{ty - 6:0.##}\" font-size=\"11\" fill=\"#b42318\">threshold {t.Series.Threshold:0.###}</text>\n");
        }

        var first = last - trend.Count + 1;
        b.Append(Inv,
            $"<line class=\"fit\" x1=\"{X(first):0.##}\" y1=\"{Y(Line(first)):0.##}\" x2=\"{X(last):0.##}\" y2=\"{Y(Line(last)):0.##}\" " +
                $"stroke=\"#243b53\" stroke-width=\"2.5\"/>");
        b.Append(Inv,
            $"<line class=\"projection\" x1=\"{X(last):0.##}\" y1=\"{Y(Line(last)):0.##}\" x2=\"{X(xMax):0.##}\" y2=\"{Y(Line(xMax)):0.##}\" " +
                $"stroke=\"#243b53\" stroke-width=\"2.5\" stroke-dasharray=\"4 4\"/>\n");

        var points = new StringBuilder();
        for (var i = 0; i < n; i++)
        {
            points.Append(Inv, $"{X(i):0.##},{Y(values[i]):0.##} ");
        }

        b.Append(Inv,
            $"<polyline class=\"observed\" points=\"{points.ToString().TrimEnd()}\" fill=\"none\" stroke=\"{seriesColour}\" stroke-width=\"2\"/>\n");
        for (var i = 0; i < n; i++)
        {
            b.Append(Inv,
                $"<circle cx=\"{X(i):0.##}\" cy=\"{Y(values[i]):0.##}\" r=\"3.5\" " +
                    $"fill=\"{seriesColour}\"><title>{HtmlReportWriter.E(t.Series.PeriodLabels[i])}: {values[i]:0.####}</title></circle>");
        }

        if (double.IsFinite(until) && until > 0 && last + until <= xMax)
        {
            var cx = X(last + until);
            var cy = Y(t.Series.Threshold);
            b.Append(Inv,
                $"\n<circle class=\"crossing\" cx=\"{cx:0.##}\" cy=\"{cy:0.##}\" r=\"6\" fill=\"none\" stroke=\"#b42318\" stroke-width=\"2.5\"/>");
            b.Append(Inv,
                $"<text x=\"{cx:0.##}\" y=\"{cy + 20:0.##}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#b42318\">crosses in {until:0.#} " +
                    $"{t.Series.PeriodUnit}s</text>");
        }

        b.Append('\n');
        Legend(b, [("observed", seriesColour, false), ("fitted trend", "#243b53", false), ("projection", "#243b53", true), ("threshold", "#d64545",
            true)]);
        b.Append("</svg>\n");
        return b.ToString();
    }

    /// <summary>Estimated accuracy by week with its band (shaded), the realised accuracy (points), the limit, and where
    /// each signal first flagged the decline.</summary>
    public static string EstimatedAccuracy(EstimationAnalysis e, string estimateColour, string realisedColour)
    {
        var rows = e.Weeks.Select(w => w.Realised.Get(AiGovernance.Monitoring.PerformanceEstimation.EstimatedMetric.Accuracy)).ToArray();
        var n = rows.Length;
        var lows = rows.Select(r => Math.Min(r.Lower, r.Realised)).Append(e.Threshold).ToArray();
        var highs = rows.Select(r => Math.Max(r.Upper, r.Realised)).Append(e.Threshold).ToArray();
        var yTicks = NiceTicks(lows.Min(), highs.Max(), 5);
        double yLo = yTicks[0], yHi = yTicks[^1];
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        double X(double i) => Left + ((i + 0.5) / n * plotW);
        double Y(double v) => Top + plotH - ((v - yLo) / (yHi - yLo) * plotH);

        var b = new StringBuilder(8 * 1024);
        Open(b, "estimated-accuracy", "estimated versus realised accuracy by week");
        YAxis(b, yTicks, Y, "accuracy", percent: false);
        XAxisLine(b, plotW, plotH);
        for (var i = 0; i < n; i += Math.Max(1, n / 6))
        {
            Tick(b, X(i), plotH, e.Weeks[i].Week.Label);
        }

        var band = new StringBuilder();
        for (var i = 0; i < n; i++)
        {
            band.Append(Inv, $"{X(i):0.##},{Y(rows[i].Upper):0.##} ");
        }

        for (var i = n - 1; i >= 0; i--)
        {
            band.Append(Inv, $"{X(i):0.##},{Y(rows[i].Lower):0.##} ");
        }

        b.Append(Inv,
            $"<polygon class=\"band\" points=\"{band.ToString().TrimEnd()}\" fill=\"{estimateColour}\" fill-opacity=\"0.2\" stroke=\"none\"/>\n");
        var ty = Y(e.Threshold);
        b.Append(Inv,
            $"<line class=\"threshold\" x1=\"{Left}\" y1=\"{ty:0.##}\" x2=\"{Left + plotW:0.##}\" y2=\"{ty:0.##}\" stroke=\"#d64545\" " +
                $"stroke-width=\"2\" stroke-dasharray=\"7 5\"/>");
        b.Append(Inv, $"<text x=\"{Left + 6}\" y=\"{ty - 6:0.##}\" font-size=\"11\" fill=\"#b42318\">limit {e.Threshold:0.###}</text>\n");
        var line = new StringBuilder();
        for (var i = 0; i < n; i++)
        {
            line.Append(Inv, $"{X(i):0.##},{Y(rows[i].Estimated):0.##} ");
        }

        b.Append(Inv,
            $"<polyline class=\"estimated\" points=\"{line.ToString().TrimEnd()}\" fill=\"none\" stroke=\"{estimateColour}\" " +
                $"stroke-width=\"2.5\"/>\n");
        for (var i = 0; i < n; i++)
        {
            var week = e.Weeks[i].Week.Label;
            b.Append(Inv,
                $"<circle class=\"realised\" cx=\"{X(i):0.##}\" cy=\"{Y(rows[i].Realised):0.##}\" r=\"3.5\" " +
                    $"fill=\"{realisedColour}\"><title>{HtmlReportWriter.E(week)}: realised {rows[i].Realised:0.####}, estimated " +
                    $"{rows[i].Estimated:0.####} [{rows[i].Lower:0.####}, {rows[i].Upper:0.####}]</title></circle>");
        }

        foreach (var (flag, label, colour) in new[] { (e.EstimatedFlag, "estimate flags", estimateColour), (e.LabelledFlag, "labels flag",
            realisedColour) })
        {
            if (flag is null)
            {
                continue;
            }

            var index = EstimationAnalysis.WeekNumber(flag) - EstimationAnalysis.WeekNumber(e.Weeks[0].Week.Label);
            if (index < n)
            {
                var fx = X(index);
                b.Append(Inv,
                    $"\n<line class=\"flag\" x1=\"{fx:0.##}\" y1=\"{Top}\" x2=\"{fx:0.##}\" y2=\"{Top + plotH:0.##}\" stroke=\"{colour}\" " +
                        $"stroke-width=\"1.5\" stroke-dasharray=\"3 3\"/>");
                b.Append(Inv,
                    $"<text x=\"{fx + 4:0.##}\" y=\"{Top + 14}\" font-size=\"11\" fill=\"{colour}\">{HtmlReportWriter.E(label)} " +
                        $"({HtmlReportWriter.E(flag)})</text>");
            }
        }

        b.Append('\n');
        Legend(b, [("estimated (95% band)", estimateColour, false), ("realised", realisedColour, false), ("limit", "#d64545", true)]);
        b.Append("</svg>\n");
        return b.ToString();
    }

    private static void Open(StringBuilder b, string cls, string label) =>
        b.Append(Inv,
            $"<svg class=\"{cls}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" " +
                $"role=\"img\" aria-label=\"{HtmlReportWriter.E(label)}\">\n<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{Height}\" " +
                $"fill=\"#ffffff\"/>\n");

    private static void YAxis(StringBuilder b, double[] ticks, Func<double, double> y, string label, bool percent)
    {
        var plotW = Width - Left - Right;
        foreach (var tick in ticks)
        {
            var ty = y(tick);
            b.Append(Inv, $"<line x1=\"{Left}\" y1=\"{ty:0.##}\" x2=\"{Left + plotW:0.##}\" y2=\"{ty:0.##}\" stroke=\"#e4e7eb\"/>");
            b.Append(Inv,
                $"<text x=\"{Left - 6}\" y=\"{ty + 4:0.##}\" font-size=\"11\" " +
                    $"text-anchor=\"end\">{(percent ? tick.ToString("0.#%", Inv) : tick.ToString("0.###", Inv))}</text>\n");
        }

        var mid = Top + ((Height - Top - Bottom) / 2);
        b.Append(Inv,
            $"<text x=\"14\" y=\"{mid:0.##}\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 14 " +
                $"{mid:0.##})\">{HtmlReportWriter.E(label)}</text>\n");
        b.Append(Inv, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom:0.##}\" stroke=\"#52606d\"/>\n");
    }

    private static void XAxisLine(StringBuilder b, double plotW, double plotH) =>
        b.Append(Inv, $"<line x1=\"{Left}\" y1=\"{Top + plotH:0.##}\" x2=\"{Left + plotW:0.##}\" y2=\"{Top + plotH:0.##}\" stroke=\"#52606d\"/>\n");

    private static void Tick(StringBuilder b, double x, double plotH, string label)
    {
        b.Append(Inv, $"<line x1=\"{x:0.##}\" y1=\"{Top + plotH:0.##}\" x2=\"{x:0.##}\" y2=\"{Top + plotH + 5:0.##}\" stroke=\"#52606d\"/>");
        b.Append(Inv,
            $"<text x=\"{x:0.##}\" y=\"{Top + plotH + 18:0.##}\" font-size=\"11\" text-anchor=\"middle\">{HtmlReportWriter.E(label)}</text>\n");
    }

    private static void Rect(StringBuilder b, double x, double y, double w, double h, string colour, double opacity, string tooltip) =>
        b.Append(Inv,
            $"<rect x=\"{x:0.##}\" y=\"{y:0.##}\" width=\"{Math.Max(0, w):0.##}\" height=\"{Math.Max(0, h):0.##}\" fill=\"{colour}\" " +
                $"fill-opacity=\"{opacity:0.##}\"><title>{HtmlReportWriter.E(tooltip)}</title></rect>");

    private static void Legend(StringBuilder b, (string Label, string Colour, bool Dashed)[] items)
    {
        var x = Left + 4;
        b.Append("<g class=\"legend\">");
        foreach (var (label, colour, dashed) in items)
        {
            if (dashed)
            {
                b.Append(Inv,
                    $"<line x1=\"{x:0.##}\" y1=\"17\" x2=\"{x + 18:0.##}\" y2=\"17\" stroke=\"{colour}\" stroke-width=\"2.5\" stroke-dasharray=\"4 " +
                        $"3\"/>");
            }
            else
            {
                b.Append(Inv, $"<rect x=\"{x:0.##}\" y=\"11\" width=\"18\" height=\"12\" fill=\"{colour}\" fill-opacity=\"0.75\"/>");
            }

            b.Append(Inv, $"<text x=\"{x + 24:0.##}\" y=\"21\" font-size=\"12\">{HtmlReportWriter.E(label)}</text>");
            x += 34 + (label.Length * 6.8);
        }

        b.Append("</g>\n");
    }

    /// <summary>Round tick values covering [lo, hi] with steps of 1, 2 or 5 × 10^k.</summary>
    internal static double[] NiceTicks(double lo, double hi, int count)
    {
        if (!(hi > lo))
        {
            hi = lo + (Math.Abs(lo) > 0 ? Math.Abs(lo) * 0.1 : 1);
        }

        var raw = (hi - lo) / count;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1.0, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        var start = Math.Floor(lo / step) * step;
        var end = Math.Ceiling(hi / step) * step;
        var ticks = new List<double>();
        for (var v = start; v <= end + (step / 2); v += step)
        {
            ticks.Add(Math.Round(v / step) * step);
        }

        return [.. ticks];
    }

    private static string Compact(double value)
    {
        var abs = Math.Abs(value);
        return abs >= 1_000_000 ? (value / 1_000_000).ToString("0.##", Inv) + "M"
            : abs >= 10_000 ? (value / 1_000).ToString("0.#", Inv) + "k"
            : value.ToString("0.###", Inv);
    }
}
