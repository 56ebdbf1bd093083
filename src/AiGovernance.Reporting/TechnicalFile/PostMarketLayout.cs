using System.Globalization;
using AiGovernance.Reporting.Charts;
using AiGovernance.Reporting.Formatting;
using AiGovernance.Reporting.Layout;

namespace AiGovernance.Reporting.TechnicalFile;

/// <summary>Lays out a post-market summary; also the results part of a technical file's Annex IV(9) section.</summary>
internal static class PostMarketLayout
{
    public static ReportLayout Build(PostMarketSummaryDocument d, ReportContext x)
    {
        var sections = new List<ReportSection> { new("summary", "Summary", [Tiles(d), Period(d)]) };
        sections.AddRange(Sections(d, x, string.Empty));
        sections.Add(new ReportSection("sources", "Sources", [Sources(d.CitedReports, d.CitedAuditRecords)]));
        return new ReportLayout(d.Kind, "Post-market monitoring summary (Article 72)", x.Text(d.SystemName), d.GeneratedAt, sections);
    }

    public static ParagraphBlock Period(PostMarketSummaryDocument d) =>
        new($"Period {ReportFormat.Timestamp(d.PeriodStart)} to {ReportFormat.Timestamp(d.PeriodEnd)} (end excluded).");

    public static TilesBlock Tiles(PostMarketSummaryDocument d)
    {
        var inv = CultureInfo.InvariantCulture;
        var drifted = d.DriftWindows.Count(w => w.DatasetDrift);
        var noGo = d.PerformanceAttempts.Count(a => string.Equals(a.Verdict, "NoGo", StringComparison.OrdinalIgnoreCase));
        var warnings = d.Oversight.Sum(o => o.Warnings.Count);
        return new TilesBlock(
        [
            new("drift", "Dataset drift", drifted.ToString(inv), $"of {d.DriftWindows.Count.ToString(inv)} windows",
                drifted > 0 ? ReportTone.Bad : ReportTone.Good),
            new("performance", "Performance no-go", noGo.ToString(inv), $"of {d.PerformanceAttempts.Count.ToString(inv)} attempts",
                noGo > 0 ? ReportTone.Bad : ReportTone.Good),
            new("incidents", "Serious incidents", d.Incidents.Count.ToString(inv), "raised in the period",
                d.Incidents.Count > 0 ? ReportTone.Bad : ReportTone.Good),
            new("oversight", "Oversight warnings", warnings.ToString(inv), $"in {d.Oversight.Count.ToString(inv)} reports",
                warnings > 0 ? ReportTone.Medium : ReportTone.Good),
        ]);
    }

    /// <summary>The drift, performance, incident and oversight sections; <paramref name="idPrefix"/> keeps ids unique when the
    /// sections are part of a technical file.</summary>
    public static IEnumerable<ReportSection> Sections(PostMarketSummaryDocument d, ReportContext x, string idPrefix)
    {
        yield return new ReportSection(idPrefix + "drift", "Drift", Drift(d, x)) { CssClass = "chart" };
        yield return new ReportSection(idPrefix + "performance", "Performance", Performance(d, x));
        yield return new ReportSection(idPrefix + "incidents", "Serious incidents", Incidents(d, x));
        yield return new ReportSection(idPrefix + "oversight", "Oversight findings", Oversight(d, x));
    }

    private static List<ReportBlock> Drift(PostMarketSummaryDocument d, ReportContext x)
    {
        if (d.DriftWindows.Count == 0)
        {
            var none = new List<ReportBlock> { new ParagraphBlock("No drift report in the period.") { Muted = true } };
            none.AddRange(Unreadable(d));
            return none;
        }

        var points = d.DriftWindows.Select(w => ReportFormat.Date(w.At)).ToList();
        var share = d.DriftWindows.Select(w => w.ColumnCount > 0 ? (double?)w.DriftedColumnCount / w.ColumnCount : null).ToList();
        var blocks = new List<ReportBlock>
        {
            new ChartBlock(new TimeSeriesChart("Share of columns drifted per window", points,
                [new ChartSeries("drifted share", share, ChartPalette.Current)], new ChartAxis("window"), new ChartAxis("share of columns"),
                ChartValueFormat.Percent)),
        };
        var rows = d.DriftedColumns.Take(x.Options.MaxTableRows).Select(c => new TableRow(
            [TableCell.Code(x.Text(c.Column)), TableCell.Number(ReportFormat.Count(c.Windows)), ReportFormat.Date(c.LastDriftedAt)])).ToList();
        blocks.Add(d.DriftedColumns.Count == 0
            ? new ParagraphBlock("No column drifted in the period.")
            : new TableBlock(["Column", new("Windows drifted", true), "Last drifted"], rows)
            {
                OmittedRows = Math.Max(0, d.DriftedColumns.Count - rows.Count),
            });
        blocks.AddRange(Unreadable(d));
        return blocks;
    }

    private static IEnumerable<ReportBlock> Unreadable(PostMarketSummaryDocument d)
    {
        if (d.Unreadable.Count > 0)
        {
            yield return new ParagraphBlock("Stored reports that could not be read (not counted above):");
            yield return ListBlock.Of(d.Unreadable);
        }
    }

    private static List<ReportBlock> Performance(PostMarketSummaryDocument d, ReportContext x)
    {
        if (d.PerformanceAttempts.Count == 0)
        {
            return [new ParagraphBlock("No performance-gate attempt in the period.") { Muted = true }];
        }

        var rows = d.PerformanceAttempts.Select(a => new TableRow(
        [
            ReportFormat.Timestamp(a.At), x.Text(a.Milestone ?? "—"), x.Text(a.Metric ?? "—"), TableCell.Number(x.Number(a.Estimate)),
            TableCell.Number(x.Interval(a.Lower, a.Upper)), TableCell.Number(x.Number(a.Threshold)),
            TableCell.Badge(x.Text(a.Verdict ?? "unknown"), Tone(a.Verdict)),
            TableCell.Code($"audit #{a.AuditSequence.ToString(CultureInfo.InvariantCulture)}"),
        ])).ToList();
        return [new TableBlock(["Time", "Milestone", "Metric", new("Estimate", true), new("Interval", true), new("Threshold", true), "Verdict",
            "Source"], rows)];
    }

    private static ReportTone Tone(string? verdict) => verdict?.ToUpperInvariant() switch
    {
        "GO" => ReportTone.Good,
        "NOGO" => ReportTone.Bad,
        _ => ReportTone.Medium,
    };

    private static List<ReportBlock> Incidents(PostMarketSummaryDocument d, ReportContext x)
    {
        if (d.Incidents.Count == 0)
        {
            return [new ParagraphBlock("No serious incident raised in the period.") { Muted = true }];
        }

        var rows = d.Incidents.Select(i => new TableRow(
        [
            TableCell.Code(x.Text(i.Id)), ReportFormat.Timestamp(i.RaisedAt), x.Text(i.Summary), x.Text(string.Join(", ", i.Harms)),
            TableCell.Badge(i.Overdue ? "overdue" : i.Status, i.Overdue ? ReportTone.Critical : ReportTone.Neutral),
            ReportFormat.Timestamp(i.ReportingDeadline),
        ])).ToList();
        return [new TableBlock(["Incident", "Raised", "Summary", "Harms", "Status", "Report due"], rows)];
    }

    private static List<ReportBlock> Oversight(PostMarketSummaryDocument d, ReportContext x)
    {
        if (d.Oversight.Count == 0)
        {
            return [new ParagraphBlock("No oversight report in the period.") { Muted = true }];
        }

        var rows = d.Oversight.Select(o => new TableRow(
        [
            ReportFormat.Date(o.At), TableCell.Number(x.Number(o.ReviewCount)), TableCell.Number(x.Percent(o.OverrideRate)),
            x.Text(o.Warnings.Count == 0 ? "none" : string.Join("; ", o.Warnings)),
            TableCell.Code($"report #{o.ReportId.ToString(CultureInfo.InvariantCulture)}"),
        ])).ToList();
        return [new TableBlock(["Report", new("Reviews", true), new("Override rate", true), "Warnings", "Source"], rows)];
    }

    public static TableBlock Sources(IReadOnlyList<CitedReport> reports, IReadOnlyList<CitedAuditRecord> records)
    {
        var inv = CultureInfo.InvariantCulture;
        var rows = reports.Select(r => new TableRow(
            [TableCell.Code($"report #{r.Id.ToString(inv)}"), r.Kind, ReportFormat.Timestamp(r.CreatedAt), TableCell.Code("sha256:" + r.Digest)]))
            .Concat(records.Select(r => new TableRow(
            [
                TableCell.Code($"audit #{r.Sequence.ToString(inv)}"), r.EventType, ReportFormat.Timestamp(r.Timestamp),
                TableCell.Code("sha256:" + r.Hash),
            ]))).ToList();
        return new TableBlock(["Source", "Kind", "Time", "Digest"], rows);
    }
}
