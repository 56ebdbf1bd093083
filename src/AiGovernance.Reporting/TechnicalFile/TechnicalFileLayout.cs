using AiGovernance.Reporting.Formatting;
using AiGovernance.Reporting.Layout;

namespace AiGovernance.Reporting.TechnicalFile;

/// <summary>Lays out one Annex IV section: its facts, its dated entries and its gaps.</summary>
internal static class TechnicalFileLayout
{
    public static ReportSection Section(TechnicalFileSection section, ReportContext x)
    {
        var blocks = new List<ReportBlock>();
        if (section.Facts.Count > 0)
        {
            blocks.Add(new TableBlock(["Item", "Value", "Source"],
                [.. section.Facts.Select(f => new TableRow([x.Text(f.Label), x.Text(f.Value), TableCell.Code(x.Text(f.Source))]))]));
        }

        if (section.Entries.Count > 0)
        {
            var rows = section.Entries.Take(x.Options.MaxTableRows).Select(e => new TableRow(
                [e.At is { } at ? ReportFormat.Timestamp(at) : "—", x.Text(e.Subject), x.Text(e.Detail), TableCell.Code(x.Text(e.Source))]))
                .ToList();
            blocks.Add(new TableBlock(["Time", "Entry", "Detail", "Source"], rows)
            {
                OmittedRows = Math.Max(0, section.Entries.Count - rows.Count),
            });
        }

        if (section.Gaps.Count > 0)
        {
            blocks.Add(new ParagraphBlock("Gaps for the owner to fill (the library does not hold this):"));
            blocks.Add(ListBlock.Of(section.Gaps.Select(x.Text)));
        }

        var tone = section.Status switch
        {
            TechnicalFileSectionStatus.Complete => ReportTone.Good,
            TechnicalFileSectionStatus.Partial => ReportTone.Medium,
            _ => ReportTone.Bad,
        };
        return new ReportSection(section.Id, section.AnnexPoint + " — " + section.Title, blocks)
        {
            Badge = TableCell.Badge(section.Status.ToString().ToLowerInvariant(), tone),
            Data = new Dictionary<string, string> { ["status"] = section.Status.ToString().ToLowerInvariant() },
        };
    }
}
