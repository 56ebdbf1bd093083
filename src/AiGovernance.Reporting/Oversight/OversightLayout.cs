using System.Globalization;
using AiGovernance.Reporting.Charts;
using AiGovernance.Reporting.Formatting;
using AiGovernance.Reporting.Layout;

namespace AiGovernance.Reporting.Oversight;

/// <summary>Lays out an <see cref="OversightReportDocument"/>.</summary>
internal static class OversightLayout
{
    public static ReportLayout Build(OversightReportDocument d, ReportContext x)
    {
        var flagged = d.ByReviewer.Count(r => r.Flagged);
        var tiles = new List<ReportTile>
        {
            new("warning-count", "Warnings", d.Warnings.Count.ToString(CultureInfo.InvariantCulture),
                d.Warnings.Count == 0 ? "no oversight concern" : string.Join(", ", d.Warnings.Select(w => w.Kind).Distinct()),
                d.Warnings.Count == 0 ? ReportTone.Good : ReportTone.High),
            new("override-rate", "Override rate", x.Percent(d.Overall?.Rate.Estimate),
                ReportFormat.Count(d.Overall?.Events ?? 0) + " of " + ReportFormat.Count(d.ReviewCount) + " reviews; interval "
                + x.Interval(d.Overall?.Rate.Lower, d.Overall?.Rate.Upper, percent: true)),
            new("flagged-reviewers", "Flagged reviewers", flagged.ToString(CultureInfo.InvariantCulture), "of " + d.ByReviewer.Count + " reviewers",
                flagged == 0 ? ReportTone.Good : ReportTone.Medium),
        };
        var sections = new List<ReportSection> { new("summary", "Summary", [new TilesBlock(tiles)]) };

        var warningRows = d.Warnings.Select(w => new TableRow(
        [
            TableCell.Badge(w.Kind.ToString(), ReportTone.High), x.Text(w.Message), TableCell.Number(x.Number(w.Observed)),
            TableCell.Number(x.Number(w.Threshold)),
        ])).ToList();
        sections.Add(new("warnings", "Oversight warnings", warningRows.Count == 0
            ? [new ParagraphBlock("No warning: the override pattern shows no sign of automation bias, rubber-stamping, workload pressure or " +
                "fatigue.")]
            : [new TableBlock(["Warning", "What it means", new("Observed", true), new("Threshold", true)], warningRows)]));

        if (d.ByReviewer.Count > 0)
        {
            var shown = d.ByReviewer.OrderByDescending(r => r.Flagged).ThenByDescending(r => r.Overrides.Trials).Take(x.Options.MaxChartRows)
                .ToList();
            var chart = new IntervalChart("Override rate by reviewer (flagged in red)",
                [.. shown.Select(r => new IntervalChartRow(x.Text(r.Reviewer), r.Overrides.Rate.Estimate, r.Overrides.Rate.Lower,
                    r.Overrides.Rate.Upper,
                    r.Flagged ? ChartPalette.ForSeverity(Core.Severity.Critical) : ChartPalette.Current))],
                new ChartAxis("override rate", "%"), new ChartAxis("reviewer"), ChartValueFormat.Percent)
            {
                References = d.Overall?.Rate.Estimate is { } overall ? [new ChartThreshold(overall, "overall " + x.Percent(overall))] : [],
            };
            var rows = d.ByReviewer.Take(x.Options.MaxTableRows).Select(r => new TableRow(
            [
                TableCell.Code(x.Text(r.Reviewer)), TableCell.Number(ReportFormat.Count(r.Overrides.Trials)),
                TableCell.Number(ReportFormat.Count(r.Overrides.Events)), TableCell.Number(x.Percent(r.Overrides.Rate.Estimate)),
                TableCell.Number(x.Interval(r.Overrides.Rate.Lower, r.Overrides.Rate.Upper, percent: true)),
                r.Flagged ? TableCell.Badge("flagged", ReportTone.High) : r.Eligible ? "ok" : "too few reviews",
            ])
            {
                Data = new Dictionary<string, string> { ["reviewer"] = r.Reviewer },
                Highlighted = r.Flagged,
            }).ToList();
            sections.Add(new("reviewers", "Reviewers", [new ChartBlock(chart),
                new TableBlock(["Reviewer", new("Reviews", true), new("Overrides", true), new("Rate", true), new("Interval", true), "Status"], rows)
                {
                    OmittedRows = d.ByReviewer.Count - rows.Count,
                }])
            { CssClass = "chart" });
        }

        if (d.ByHour.Count > 0)
        {
            sections.Add(new("hours", "Override rate through the day",
            [
                new ChartBlock(RateChart("Override rate by hour of day", [.. d.ByHour.Select(h => h.Hour.ToString("00",
                    CultureInfo.InvariantCulture) + ":00")],
                    [.. d.ByHour.Select(h => h.Overrides)], new ChartAxis("hour of day", "local time"))),
            ])
            { CssClass = "chart" });
        }

        if (d.ByWeek is { Count: > 0 } weeks)
        {
            sections.Add(new("weeks", "Override rate by week",
            [
                new ChartBlock(RateChart("Override rate by week", [.. weeks.Select(w => x.Text(w.Week))], [.. weeks.Select(w => w.Overrides)],
                    new ChartAxis("week", "ISO week"))),
            ])
            { CssClass = "chart" });
        }

        if (d.ByConfidenceBand.Count > 0)
        {
            var rows = d.ByConfidenceBand.Select(b => new TableRow(
            [
                TableCell.Number(x.Interval(b.Lower, b.Upper)), TableCell.Number(ReportFormat.Count(b.Overrides.Trials)),
                TableCell.Number(x.Percent(b.Overrides.Rate.Estimate)), TableCell.Number(x.Interval(b.Overrides.Rate.Lower, b.Overrides.Rate.Upper,
                    true)),
            ])).ToList();
            sections.Add(new("confidence-bands", "Override rate by the AI's confidence",
                [new TableBlock([new("AI confidence", true), new("Reviews", true), new("Override rate", true), new("Interval", true)], rows)]));
        }

        var facts = new List<ReportFact>
        {
            new("Two-stage disagreements", ReportFormat.Count(d.Disagreements)),
            new("Changed minds", ReportFormat.Count(d.ChangedMinds)),
            new("Audit error rate", d.AuditErrors is { } a
                ? x.Percent(a.Rate.Estimate) + " (" + ReportFormat.Count(a.Events) + " of " + ReportFormat.Count(a.Trials) + ")"
                : "no audits"),
        };
        var details = new List<ReportBlock> { new FactsBlock(facts) };
        if (d.Notes.Count > 0)
        {
            details.Add(ListBlock.Of(d.Notes.Select(x.Text)));
        }

        sections.Add(new("details", "Details", details));
        return new ReportLayout(d.Kind, "Oversight report", x.Text(d.SystemName), d.GeneratedAt, sections)
        {
            Byline = ReportFormat.Count(d.ReviewCount) + " reviews",
        };
    }

    internal static TimeSeriesChart RateChart(string title, IReadOnlyList<string> labels, IReadOnlyList<OversightProportion> rates,
        ChartAxis xAxis) =>
        new(title, labels, [new ChartSeries("override rate", [.. rates.Select(r => r.Rate.Estimate)], ChartPalette.Current)], xAxis,
            new ChartAxis("override rate", "%"), ChartValueFormat.Percent)
        {
            Band = new ChartBand("confidence interval", [.. rates.Select(r => r.Rate.Lower)], [.. rates.Select(r => r.Rate.Upper)]),
        };
}
