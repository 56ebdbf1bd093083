using System.Globalization;
using System.Text;
using AiGovernance.Reporting.Drift;
using AiGovernance.Reporting.Formatting;

namespace AiGovernance.Reporting.Charts;

/// <summary>The PCA reconstruction error: the reference chunks' mean errors with their 3σ band (left), then each window's
/// mean error with its own threshold band (the band narrows for larger windows), drifted windows in red.</summary>
internal sealed class ReconstructionErrorChart : ReportChart
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly DriftMultivariate _m;

    public ReconstructionErrorChart(DriftMultivariate multivariate)
        : base("PCA reconstruction error per window against its threshold", new ChartAxis("reference chunks, then windows"),
            new ChartAxis("mean reconstruction error"), "reconstruction")
    {
        _m = multivariate;
    }

    public override string Describe() =>
        $"{Title}: {_m.ReferenceChunkErrors.Count} reference chunks of {_m.ChunkSize} rows, then " +
            $"{Windows().Count} window(s) with their bands.";

    private List<DriftMultivariateWindow> Windows() =>
        [.. _m.Windows.Where(w => w.ReconstructionError is not null && w.ReconstructionLower is not null && w.ReconstructionUpper is not null)];

    private protected override void Write(StringBuilder builder, int significantDigits)
    {
        var chunks = _m.ReferenceChunkErrors;
        var windows = Windows();
        var values = new List<double>(chunks);
        foreach (var w in windows)
        {
            values.Add(w.ReconstructionError!.Value);
            values.Add(w.ReconstructionLower!.Value);
            values.Add(w.ReconstructionUpper!.Value);
        }

        if (values.Count == 0)
        {
            values.Add(0);
        }

        var frame = ChartFrame.Open(builder, this);
        var svg = frame.Svg;
        var y = frame.ValueAxis(SvgWriter.NiceTicks(values.Min(), values.Max(), 5), YAxis, ChartValueFormat.Number);
        var chunkStep = 0.6 * frame.PlotWidth / Math.Max(1, chunks.Count);
        var windowStep = 0.35 * frame.PlotWidth / Math.Max(1, windows.Count);
        double XChunk(int k) => frame.Left + ((k + 0.5) * chunkStep);
        double XWindow(int i) => frame.Left + (0.65 * frame.PlotWidth) + ((i + 0.5) * windowStep);
        double Y(double v) => y.Map(v);

        if (chunks.Count > 0 && windows.FirstOrDefault(w => w.ReferenceMeanError is not null && w.ReferenceChunkStandardDeviation is not null)
            is { } first)
        {
            var mean = first.ReferenceMeanError!.Value;
            var half = 3 * first.ReferenceChunkStandardDeviation!.Value;
            var x0 = XChunk(0) - (chunkStep / 2);
            var x1 = XChunk(chunks.Count - 1) + (chunkStep / 2);
            svg.Rect(x0, Y(mean + half), x1 - x0, Y(mean - half) - Y(mean + half), ChartPalette.Reference, 0.12,
                "reference mean ± 3σ of the chunk means", "reference-band");
            svg.NewLine();
        }

        svg.Polyline([.. chunks.Select((e, k) => (XChunk(k), Y(e)))], ChartPalette.Reference, 1.5, false, "reference");
        for (var k = 0; k < chunks.Count; k++)
        {
            svg.Circle(XChunk(k), Y(chunks[k]), 2.5, ChartPalette.Reference,
                string.Create(Inv, $"reference chunk {k + 1} ({_m.ChunkSize} rows): ") + ReportFormat.Number(chunks[k], significantDigits),
                "chunk");
        }

        svg.NewLine();
        var drift = ChartPalette.ForSeverity(Core.Severity.Critical);
        for (var i = 0; i < windows.Count; i++)
        {
            var w = windows[i];
            var x = XWindow(i);
            var drifted = w.ReconstructionDrifted == true;
            svg.Line(x - 10, Y(w.ReconstructionUpper!.Value), x + 10, Y(w.ReconstructionUpper.Value), ChartPalette.Threshold, 2, true, "threshold");
            svg.Line(x - 10, Y(w.ReconstructionLower!.Value), x + 10, Y(w.ReconstructionLower.Value), ChartPalette.Threshold, 2, true, "threshold");
            svg.Circle(x, Y(w.ReconstructionError!.Value), 5, drifted ? drift : ChartPalette.Current,
                $"{w.Name}: {ReportFormat.Number(w.ReconstructionError, significantDigits)} (band " +
                    $"{ReportFormat.Number(w.ReconstructionLower, significantDigits)}–" +
                    $"{ReportFormat.Number(w.ReconstructionUpper, significantDigits)})",
                drifted ? "window drifted" : "window");
            frame.XTick(x, w.Name);
        }

        if (chunks.Count > 0)
        {
            svg.Text((XChunk(0) + XChunk(chunks.Count - 1)) / 2, frame.PlotBottom + 18,
                string.Create(Inv, $"reference ({chunks.Count} chunks of {_m.ChunkSize} rows)"), anchor: "middle");
            svg.NewLine();
        }

        frame.AddLegend("reference chunks", ChartPalette.Reference, LegendMark.Dot);
        frame.AddLegend("window", ChartPalette.Current, LegendMark.Dot);
        frame.AddLegend("drifted window", drift, LegendMark.Dot);
        frame.AddLegend("threshold band", ChartPalette.Threshold, LegendMark.DashedLine);
        frame.Close(XAxis);
    }
}
