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

        var frame = ChartFrame.Open(builder, this);
        var svg = frame.Svg;
        var y = frame.ValueAxis(SvgWriter.NiceTicks(values.Min(), values.Max(), 5), YAxis, ChartValueFormat.Number);
        double X(double i) => frame.Left + ((i + 0.5) / Math.Max(1, n) * frame.PlotWidth);
        double Y(double v) => y.Map(v);
        for (var i = 0; i < n; i += Math.Max(1, n / 6))
        {
            frame.XTick(X(i), weeks[i].Week);
        }

        var banded = Enumerable.Range(0, n).Where(i => weeks[i].Lower is not null && weeks[i].Upper is not null).ToList();
        if (banded.Count > 0)
        {
            var band = banded.Select(i => (X(i), Y(weeks[i].Upper!.Value)))
                .Concat(banded.AsEnumerable().Reverse().Select(i => (X(i), Y(weeks[i].Lower!.Value)))).ToList();
            svg.Polygon(band, ChartPalette.Current, 0.2, "band", "95% band of the estimate");
        }

        var limit = new ChartThreshold(_e.Threshold, "limit " + ReportFormat.Number(_e.Threshold, significantDigits))
        {
            Colour = ChartPalette.Threshold,
        };
        frame.HorizontalThreshold(limit, y);
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
                svg.NewLine();
                svg.Line(fx, ChartFrame.Top, fx, frame.PlotBottom, colour, 1.5, dashed: true, cssClass: "flag");
                svg.Text(fx + 4, ChartFrame.Top + 14, $"{label} ({flag})", fill: colour);
            }
        }

        svg.NewLine();
        frame.AddLegend("estimated (95% band)", ChartPalette.Current, LegendMark.Line);
        frame.AddLegend("realised", ChartPalette.Reference, LegendMark.Dot);
        frame.AddLegend(limit);
        frame.Close(XAxis);
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
