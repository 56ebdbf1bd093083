using System.Text;
using AiGovernance.Reporting.Drift;
using AiGovernance.Reporting.Formatting;

namespace AiGovernance.Reporting.Charts;

/// <summary>Estimated accuracy by week with its band (shaded), the realised accuracy (points), the limit (dashed red), and
/// the weeks at which each signal first flagged the decline.</summary>
internal sealed class EstimatedAccuracyChart : ReportChart
{
    private readonly DriftEstimation _e;

    public EstimatedAccuracyChart(DriftEstimation estimation)
        : base("estimated versus realised accuracy by week", new ChartAxis("week"), new ChartAxis("accuracy"), "estimated-accuracy")
    {
        _e = estimation;
    }

    public override string Describe() =>
        $"{Title}: {_e.Weeks.Count} weeks of label-free estimates with their 95% band against the realised accuracy and the limit " +
            $"{ReportFormat.Number(_e.Threshold)}.";

    private protected override void Write(StringBuilder builder, int significantDigits)
    {
        var weeks = _e.Weeks;
        var n = weeks.Count;
        var values = new List<double> { _e.Threshold };
        foreach (var w in weeks)
        {
            AddIfAny(values, w.Lower, w.Upper, w.RealisedAccuracy, w.EstimatedAccuracy);
        }

        var svg = new SvgWriter(builder);
        var yTicks = SvgWriter.NiceTicks(values.Min(), values.Max(), 5);
        double yLo = yTicks[0], yHi = yTicks[^1];
        double X(double i) => svg.Left + ((i + 0.5) / Math.Max(1, n) * svg.PlotWidth);
        double Y(double v) => SvgWriter.Top + svg.PlotHeight - ((v - yLo) / (yHi - yLo) * svg.PlotHeight);

        svg.Open(CssClass, Title);
        svg.YAxis(yTicks, Y, YAxis, ChartValueFormat.Number);
        for (var i = 0; i < n; i += Math.Max(1, n / 6))
        {
            svg.XTick(X(i), weeks[i].Week);
        }

        svg.XAxis(XAxis);
        var banded = Enumerable.Range(0, n).Where(i => weeks[i].Lower is not null && weeks[i].Upper is not null).ToList();
        if (banded.Count > 0)
        {
            var band = banded.Select(i => (X(i), Y(weeks[i].Upper!.Value)))
                .Concat(banded.AsEnumerable().Reverse().Select(i => (X(i), Y(weeks[i].Lower!.Value)))).ToList();
            svg.Polygon(band, ChartPalette.Current, 0.2, "band", "95% band of the estimate");
        }

        var ty = Y(_e.Threshold);
        svg.Line(svg.Left, ty, svg.Left + svg.PlotWidth, ty, ChartPalette.Threshold, 2, dashed: true, cssClass: "threshold");
        svg.Text(svg.Left + 6, ty - 6, "limit " + ReportFormat.Number(_e.Threshold, significantDigits),
            fill: ChartPalette.ForSeverity(Core.Severity.Critical));
        builder.Append('\n');
        svg.Polyline([.. Enumerable.Range(0, n).Where(i => weeks[i].EstimatedAccuracy is not null)
            .Select(i => (X(i), Y(weeks[i].EstimatedAccuracy!.Value)))], ChartPalette.Current, 2.5, false, "estimated");
        for (var i = 0; i < n; i++)
        {
            if (weeks[i].RealisedAccuracy is { } realised)
            {
                svg.Circle(X(i), Y(realised), 3.5, ChartPalette.Reference,
                    $"{weeks[i].Week}: realised {ReportFormat.Number(realised, significantDigits)}, estimated " +
                        $"{ReportFormat.Number(weeks[i].EstimatedAccuracy, significantDigits)} " +
                        ReportFormat.Interval(weeks[i].Lower, weeks[i].Upper, significantDigits: significantDigits), "realised");
            }
        }

        foreach (var (flag, label, colour) in new[] { (_e.EstimatedFlag, "estimate flags", ChartPalette.Current),
            (_e.LabelledFlag, "labels flag", ChartPalette.Reference) })
        {
            var index = flag is null ? -1 : IndexOf(flag);
            if (index >= 0)
            {
                var fx = X(index);
                builder.Append('\n');
                svg.Line(fx, SvgWriter.Top, fx, svg.PlotBottom, colour, 1.5, dashed: true, cssClass: "flag");
                svg.Text(fx + 4, SvgWriter.Top + 14, $"{label} ({flag})", fill: colour);
            }
        }

        builder.Append('\n');
        svg.Legend([("estimated (95% band)", ChartPalette.Current, true, false), ("realised", ChartPalette.Reference, false, false),
            ("limit", ChartPalette.Threshold, true, true)]);
        svg.Close();
    }

    private int IndexOf(string week)
    {
        for (var i = 0; i < _e.Weeks.Count; i++)
        {
            if (string.Equals(_e.Weeks[i].Week, week, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static void AddIfAny(List<double> values, params double?[] candidates)
    {
        foreach (var v in candidates)
        {
            if (v is { } x)
            {
                values.Add(x);
            }
        }
    }
}
