using System.Globalization;
using System.Text;
using AiGovernance.Reporting.Charts;

namespace AiGovernance.Reporting.Drift;

/// <summary>A performance series with its fitted line, the projection to the threshold (future shaded) and the crossing.</summary>
internal sealed class PerformanceTrendChart : ReportChart
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly DriftPerformanceTrend _t;

    public PerformanceTrendChart(DriftPerformanceTrend trend)
        : base(trend.Metric + " over time", new ChartAxis(trend.PeriodUnit, "observed, then projected"), new ChartAxis(trend.Metric), "trend")
    {
        _t = trend;
    }

    public override string Describe() =>
        $"{Title}: {_t.Values.Count} {_t.PeriodUnit}s observed with the fitted trend and its projection against the threshold.";

    private protected override void Write(StringBuilder builder, int significantDigits)
    {
        var t = _t;
        var values = t.Values;
        var n = values.Count;
        var last = n - 1;
        var slope = t.Slope ?? 0;
        var horizon = t.ProjectionHorizon;
        var projected = t.Projected ?? values[^1];
        var fittedNow = projected - (slope * horizon);
        var until = t.PeriodsUntilThreshold;
        var ahead = (double)Math.Max(1, horizon);
        if (until is { } u && u > 0)
        {
            ahead = Math.Max(ahead, Math.Min(u + 1, 3.0 * n));
        }

        var xMax = last + ahead;
        double Line(double x) => fittedNow + (slope * (x - last));
        var lows = new List<double>(values) { Line(xMax) };
        var highs = new List<double>(values) { Line(last - t.PeriodsRegressed + 1) };
        if (t.Threshold is { } threshold)
        {
            lows.Add(threshold);
            highs.Add(threshold);
        }

        var frame = ChartFrame.Open(builder, this);
        var svg = frame.Svg;
        var y = frame.ValueAxis(SvgWriter.NiceTicks(lows.Min(), highs.Max(), 5), YAxis, ChartValueFormat.Number);
        var x = new ChartScale(0, xMax, frame.Left, frame.PlotRight);
        double X(double v) => x.Map(v);
        double Y(double v) => y.Map(v);
        for (var i = 0; i < n; i += Math.Max(1, n / 6))
        {
            frame.XTick(X(i), t.Periods[i]);
        }

        frame.XTick(X(xMax), string.Create(Inv, $"+{ahead:0.#} {t.PeriodUnit}s"));
        svg.Rect(X(last), ChartFrame.Top, X(xMax) - X(last), frame.PlotHeight, "#f0f4f8", 1, "projected", "future");
        var thresholdLine = t.Threshold is { } th
            ? new ChartThreshold(th, "threshold " + Formatting.ReportFormat.Number(th, significantDigits))
            : null;
        if (thresholdLine is not null)
        {
            frame.HorizontalThreshold(thresholdLine, y);
        }

        if (t.HasEnoughData)
        {
            var first = last - t.PeriodsRegressed + 1;
            svg.Line(X(first), Y(Line(first)), X(last), Y(Line(last)), ChartPalette.Neutral, 2.5, cssClass: "fit");
            svg.Line(X(last), Y(Line(last)), X(xMax), Y(Line(xMax)), ChartPalette.Neutral, 2.5, dashed: true, cssClass: "projection");
        }

        svg.NewLine();
        svg.Polyline([.. values.Select((v, i) => (X(i), Y(v)))], ChartPalette.Reference, 2, false, "observed");
        for (var i = 0; i < n; i++)
        {
            svg.Circle(X(i), Y(values[i]), 3.5, ChartPalette.Reference, t.Periods[i] + ": " + Formatting.ReportFormat.Number(values[i],
                significantDigits));
        }

        if (until is { } crossing && crossing > 0 && last + crossing <= xMax && t.Threshold is { } level)
        {
            var cx = X(last + crossing);
            var cy = Y(level);
            svg.Circle(cx, cy, 6, "none", null, "crossing", ChartPalette.ForSeverity(Core.Severity.Critical));
            svg.Text(cx, cy + 20, string.Create(Inv, $"crosses in {crossing:0.#} {t.PeriodUnit}s"), anchor: "middle",
                fill: ChartPalette.ForSeverity(Core.Severity.Critical));
        }

        svg.NewLine();
        frame.AddLegend("observed", ChartPalette.Reference, LegendMark.Line);
        frame.AddLegend("fitted trend", ChartPalette.Neutral, LegendMark.Line);
        frame.AddLegend("projection", ChartPalette.Neutral, LegendMark.DashedLine);
        if (thresholdLine is not null)
        {
            frame.AddLegend(thresholdLine);
        }

        frame.Close(XAxis);
    }
}
