using System.Globalization;
using System.Text;
using AiGovernance.Samples.DriftJob.Pipeline;

namespace AiGovernance.Samples.DriftJob.Reporting;

/// <summary>The reconstruction-error chart: the reference chunks' mean errors, then each window's mean error with its own
/// threshold band (the band narrows for larger windows), drifted windows in red.</summary>
internal static class ReconstructionChart
{
    private const double Width = 760;
    private const double Height = 300;
    private const double Left = 64;
    private const double Right = 20;
    private const double Top = 36;
    private const double Bottom = 58;
    private const string ReferenceColour = "#4c78a8";
    private const string WindowColour = "#f58518";
    private const string DriftColour = "#b42318";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(MultivariateAnalysis analysis)
    {
        var chunks = analysis.ReferenceChunkErrors;
        var windows = analysis.Windows.Where(w => w.Report.Reconstruction is not null).ToArray();
        var values = new List<double>(chunks);
        foreach (var w in windows)
        {
            var r = w.Report.Reconstruction!;
            values.Add(r.MeanError);
            values.Add(r.LowerThreshold);
            values.Add(r.UpperThreshold);
        }

        var ticks = SvgCharts.NiceTicks(values.Min(), values.Max(), 5);
        double yLo = ticks[0], yHi = ticks[^1];
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        // The reference chunks fill the left 60 % of the plot, the windows the right 35 %, each evenly spaced.
        var chunkStep = 0.6 * plotW / Math.Max(1, chunks.Count);
        var windowStep = 0.35 * plotW / Math.Max(1, windows.Length);
        double XChunk(int k) => Left + ((k + 0.5) * chunkStep);
        double XWindow(int i) => Left + (0.65 * plotW) + ((i + 0.5) * windowStep);
        double Y(double v) => Top + plotH - ((v - yLo) / (yHi - yLo) * plotH);

        var b = new StringBuilder(8 * 1024);
        b.Append(Inv, $"<svg class=\"reconstruction\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" ");
        b.Append(Inv, $"height=\"{Height}\" role=\"img\" aria-label=\"PCA reconstruction error per window against its threshold\">\n");
        b.Append(Inv, $"<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>\n");
        foreach (var tick in ticks)
        {
            var ty = Y(tick);
            b.Append(Inv, $"<line x1=\"{Left}\" y1=\"{ty:0.##}\" x2=\"{Left + plotW:0.##}\" y2=\"{ty:0.##}\" stroke=\"#e4e7eb\"/>");
            b.Append(Inv, $"<text x=\"{Left - 6}\" y=\"{ty + 4:0.##}\" font-size=\"11\" text-anchor=\"end\">{tick.ToString("0.###", Inv)}</text>\n");
        }

        var mid = Top + (plotH / 2);
        b.Append(Inv,
            $"<text x=\"14\" y=\"{mid:0.##}\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 14 {mid:0.##})\">mean reconstruction " +
                $"error</text>\n");
        b.Append(Inv, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Top + plotH:0.##}\" stroke=\"#52606d\"/>");
        b.Append(Inv, $"<line x1=\"{Left}\" y1=\"{Top + plotH:0.##}\" x2=\"{Left + plotW:0.##}\" y2=\"{Top + plotH:0.##}\" stroke=\"#52606d\"/>\n");

        // Reference chunks: their own 3-sigma band (chunk size) shaded, the chunk means joined.
        if (windows.Length > 0 && chunks.Count > 0)
        {
            var r = windows[0].Report.Reconstruction!;
            var half = 3 * r.ReferenceChunkStandardDeviation;
            var x0 = XChunk(0) - (chunkStep / 2);
            var x1 = XChunk(chunks.Count - 1) + (chunkStep / 2);
            b.Append(Inv, $"<rect class=\"reference-band\" x=\"{x0:0.##}\" y=\"{Y(r.ReferenceMean + half):0.##}\" width=\"{x1 - x0:0.##}\" ");
            b.Append(Inv,
                $"height=\"{Y(r.ReferenceMean - half) - Y(r.ReferenceMean + half):0.##}\" fill=\"{ReferenceColour}\" fill-opacity=\"0.12\"/>\n");
        }

        var points = new StringBuilder();
        for (var k = 0; k < chunks.Count; k++)
        {
            points.Append(Inv, $"{XChunk(k):0.##},{Y(chunks[k]):0.##} ");
        }

        b.Append(Inv,
            $"<polyline class=\"reference\" points=\"{points.ToString().TrimEnd()}\" fill=\"none\" stroke=\"{ReferenceColour}\" " +
                $"stroke-width=\"1.5\"/>\n");
        for (var k = 0; k < chunks.Count; k++)
        {
            b.Append(Inv, $"<circle class=\"chunk\" cx=\"{XChunk(k):0.##}\" cy=\"{Y(chunks[k]):0.##}\" r=\"2.5\" fill=\"{ReferenceColour}\">");
            b.Append(Inv, $"<title>reference chunk {k + 1} ({analysis.ChunkSize} rows): {chunks[k]:0.####}</title></circle>");
        }

        b.Append('\n');
        for (var i = 0; i < windows.Length; i++)
        {
            var r = windows[i].Report.Reconstruction!;
            var x = XWindow(i);
            var colour = r.IsDrifted ? DriftColour : WindowColour;
            b.Append(Inv,
                $"<line class=\"threshold\" x1=\"{x - 10:0.##}\" y1=\"{Y(r.UpperThreshold):0.##}\" x2=\"{x + 10:0.##}\" " +
                    $"y2=\"{Y(r.UpperThreshold):0.##}\" ");
            b.Append("stroke=\"#d64545\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>");
            b.Append(Inv,
                $"<line class=\"threshold\" x1=\"{x - 10:0.##}\" y1=\"{Y(r.LowerThreshold):0.##}\" x2=\"{x + 10:0.##}\" " +
                    $"y2=\"{Y(r.LowerThreshold):0.##}\" ");
            b.Append("stroke=\"#d64545\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>");
            b.Append(Inv,
                $"<circle class=\"window{(r.IsDrifted ? " drifted" : string.Empty)}\" cx=\"{x:0.##}\" cy=\"{Y(r.MeanError):0.##}\" r=\"5\" " +
                    $"fill=\"{colour}\">");
            b.Append("<title>").Append(HtmlReportWriter.E(string.Create(Inv,
                $"{windows[i].Name}: {r.MeanError:0.####} (band {r.LowerThreshold:0.####}–{r.UpperThreshold:0.####})")))
                .Append("</title></circle>");
            b.Append(Inv,
                $"<text x=\"{x:0.##}\" y=\"{Top + plotH + 18:0.##}\" font-size=\"11\" " +
                    $"text-anchor=\"middle\">{HtmlReportWriter.E(windows[i].Name)}</text>\n");
        }

        if (chunks.Count > 0)
        {
            b.Append(Inv,
                $"<text x=\"{(XChunk(0) + XChunk(chunks.Count - 1)) / 2:0.##}\" y=\"{Top + plotH + 18:0.##}\" font-size=\"11\" " +
                    $"text-anchor=\"middle\">");
            b.Append(Inv, $"reference ({chunks.Count} chunks of {analysis.ChunkSize} rows)</text>\n");
        }

        b.Append(Inv, $"<g class=\"legend\"><circle cx=\"{Left + 10}\" cy=\"17\" r=\"4\" fill=\"{ReferenceColour}\"/>");
        b.Append(Inv, $"<text x=\"{Left + 20}\" y=\"21\" font-size=\"12\">reference chunks</text>");
        b.Append(Inv,
            $"<circle cx=\"{Left + 150}\" cy=\"17\" r=\"4\" fill=\"{WindowColour}\"/><text x=\"{Left + 160}\" y=\"21\" " +
                $"font-size=\"12\">window</text>");
        b.Append(Inv,
            $"<circle cx=\"{Left + 230}\" cy=\"17\" r=\"4\" fill=\"{DriftColour}\"/><text x=\"{Left + 240}\" y=\"21\" font-size=\"12\">drifted " +
                $"window</text>");
        b.Append(Inv,
            $"<line x1=\"{Left + 360}\" y1=\"17\" x2=\"{Left + 378}\" y2=\"17\" stroke=\"#d64545\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>");
        b.Append(Inv, $"<text x=\"{Left + 384}\" y=\"21\" font-size=\"12\">threshold band</text></g>\n</svg>\n");
        return b.ToString();
    }
}
