using AiGovernance.Reporting.Charts;
using AiGovernance.Reporting.Formatting;
using AiGovernance.Reporting.Layout;

namespace AiGovernance.Reporting.Performance;

/// <summary>The sections performance gates share between the performance report and the model card.</summary>
internal static class PerformanceLayout
{
    public static ReportTone Tone(PerformanceVerdict verdict) => verdict switch
    {
        PerformanceVerdict.Go => ReportTone.Good,
        PerformanceVerdict.NoGo => ReportTone.Bad,
        _ => ReportTone.Medium,
    };

    /// <summary>One interval chart per gate (overall and its groups) against the gate's threshold.</summary>
    public static IEnumerable<ReportBlock> GateCharts(IReadOnlyList<PerformanceGateRow> gates, ReportContext x)
    {
        foreach (var gate in gates.Take(x.Options.MaxChartRows))
        {
            var rows = new List<IntervalChartRow> { Row(gate, x) };
            rows.AddRange(gate.Subgroups.Take(x.Options.MaxChartRows).Select(s => Row(s, x)));
            yield return new ChartBlock(new IntervalChart(
                $"{x.Text(gate.Name)}: {gate.Metric} with {x.Percent(gate.ConfidenceLevel)} interval ({x.Text(gate.IntervalMethod)})",
                rows, new ChartAxis(gate.Metric.ToString().ToLowerInvariant(), "0–1"), new ChartAxis("gate"))
            {
                References = [new ChartThreshold(gate.Threshold, "threshold " + x.Number(gate.Threshold))],
            });
        }
    }

    public static TableBlock GateTable(IReadOnlyList<PerformanceGateRow> gates, ReportContext x)
    {
        var rows = new List<TableRow>();
        foreach (var gate in gates)
        {
            rows.Add(Row(gate, x, gate.Name));
            rows.AddRange(gate.Subgroups.Select(s => Row(s, x, gate.Name + " · " + s.Name)));
        }

        var shown = rows.Take(x.Options.MaxTableRows).ToList();
        return new TableBlock(["Gate", "Metric", new("Estimate", true), new("Interval", true), new("Threshold", true), new("n", true), "Verdict",
            "Explanation"], shown) { OmittedRows = rows.Count - shown.Count };
    }

    private static TableRow Row(PerformanceGateRow g, ReportContext x, string label) => new(
    [
        x.Text(label), g.Metric.ToString(), TableCell.Number(x.Number(g.Estimate.Estimate)), TableCell.Number(x.Interval(g.Estimate.Lower,
            g.Estimate.Upper)),
        TableCell.Number(x.Number(g.Threshold)), TableCell.Number(ReportFormat.Count(g.SampleSize)), TableCell.Badge(g.Verdict.ToString(),
            Tone(g.Verdict)),
        x.Text(g.Explanation),
    ])
    {
        Data = new Dictionary<string, string> { ["verdict"] = g.Verdict.ToString() },
    };

    private static IntervalChartRow Row(PerformanceGateRow g, ReportContext x) => new(
        x.Text(g.Name), g.Estimate.Estimate, g.Estimate.Lower, g.Estimate.Upper,
        g.Verdict switch
        {
            PerformanceVerdict.Go => ChartPalette.Good,
            PerformanceVerdict.NoGo => ChartPalette.ForSeverity(Core.Severity.Critical),
            _ => ChartPalette.ForSeverity(Core.Severity.Medium),
        });
}
