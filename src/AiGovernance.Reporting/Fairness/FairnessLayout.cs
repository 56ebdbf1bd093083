using AiGovernance.Reporting.Charts;
using AiGovernance.Reporting.Formatting;
using AiGovernance.Reporting.Layout;

namespace AiGovernance.Reporting.Fairness;

/// <summary>Lays out a <see cref="FairnessReportDocument"/>.</summary>
internal static class FairnessLayout
{
    public static ReportLayout Build(FairnessReportDocument d, ReportContext x)
    {
        var attribute = x.Text(d.Attribute);
        var breached = d.Violations is { Count: > 0 };
        var tiles = new List<ReportTile>
        {
            new("disparate-impact", "Disparate impact", x.Number(d.DisparateImpactRatio.Estimate),
                "lowest selection-rate ratio to " + x.Text(d.ReferenceGroup) + "; four-fifths rule " + (d.SatisfiesFourFifthsRule
                    ? "met" : "NOT met"),
                d.SatisfiesFourFifthsRule ? ReportTone.Good : ReportTone.Bad),
            new("parity-difference", "Demographic parity difference", x.Percent(d.DemographicParityDifference.Estimate),
                "interval " + x.Interval(d.DemographicParityDifference.Lower, d.DemographicParityDifference.Upper, percent: true),
                    ReportTone.Neutral),
            new("groups", "Groups", d.Groups.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "of " + attribute + ", " + ReportFormat.Count(d.Groups.Sum(g => g.Count)) + " cases", ReportTone.Neutral),
        };
        if (d.Violations is { } violations)
        {
            tiles.Add(new("violations", "Limits breached", violations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                breached ? "severity " + d.ViolationSeverity : "all limits met", breached ? ReportTone.Bad : ReportTone.Good));
        }

        var charted = d.Groups.Take(x.Options.MaxChartRows).ToList();
        var level = x.Percent(d.ConfidenceLevel);
        var selection = new IntervalChart("Selection rate by " + attribute + " with " + level + " Wilson intervals",
            [.. charted.Select(g => Row(x.Text(g.Group), g.SelectionRate, string.Equals(g.Group, d.ReferenceGroup, StringComparison.Ordinal)))],
            new ChartAxis("selection rate", "%"), new ChartAxis(attribute, "group"), ChartValueFormat.Percent)
        {
            References = d.OverallSelectionRate.Estimate is { } overall ? [new ChartThreshold(overall, "overall " + x.Percent(overall))] : [],
        };
        var tpr = new IntervalChart("True-positive rate by " + attribute,
            [.. charted.Select(g => Row(x.Text(g.Group), g.TruePositiveRate, false))],
            new ChartAxis("true-positive rate", "%"), new ChartAxis(attribute, "group"), ChartValueFormat.Percent);
        var fpr = new IntervalChart("False-positive rate by " + attribute,
            [.. charted.Select(g => Row(x.Text(g.Group), g.FalsePositiveRate, false))],
            new ChartAxis("false-positive rate", "%"), new ChartAxis(attribute, "group"), ChartValueFormat.Percent);

        var groupRows = d.Groups.Take(x.Options.MaxTableRows).Select(g => new TableRow(
        [
            TableCell.Code(x.Text(g.Group)),
            TableCell.Number(ReportFormat.Count(g.Count)),
            TableCell.Number(x.Percent(g.SelectionRate.Estimate)),
            TableCell.Number(x.Interval(g.SelectionRate.Lower, g.SelectionRate.Upper, percent: true)),
            TableCell.Number(x.Percent(g.TruePositiveRate.Estimate)),
            TableCell.Number(x.Percent(g.FalsePositiveRate.Estimate)),
            TableCell.Number(x.Percent(g.Accuracy.Estimate)),
            TableCell.Number(x.Number(g.DisparateImpactRatio)),
        ])
        {
            Data = new Dictionary<string, string> { ["group"] = g.Group },
            Highlighted = g.DisparateImpactRatio < 0.8,
        }).ToList();
        TableColumn[] groupColumns =
        [
            "Group", new("Cases", true), new("Selection rate", true), new(level + " interval", true), new("TPR", true), new("FPR", true),
            new("Accuracy", true), new("DI ratio", true),
        ];

        (string Name, EstimateWithInterval Value, bool Percent)[] measures =
        [
            ("Demographic parity difference", d.DemographicParityDifference, true),
            ("Equalized odds difference", d.EqualizedOddsDifference, true),
            ("Equal opportunity difference", d.EqualOpportunityDifference, true),
            ("Disparate impact ratio", d.DisparateImpactRatio, false),
        ];
        var parityRows = measures.Select(m => new TableRow(
        [
            m.Name,
            TableCell.Number(m.Percent ? x.Percent(m.Value.Estimate) : x.Number(m.Value.Estimate)),
            TableCell.Number(x.Interval(m.Value.Lower, m.Value.Upper, m.Percent)),
        ])).ToList();
        parityRows.Add(new TableRow(["Selection independence (χ² p-value)", TableCell.Number(x.Number(d.SelectionIndependencePValue)), "—"]));

        var findings = new List<IReadOnlyList<ReportInline>>();
        foreach (var v in d.Violations ?? [])
        {
            findings.Add([ReportInline.Strong(v.Metric), new($" {x.Number(v.Observed)} against the limit {x.Number(v.Limit)}: {x.Text(v.Message)}")]);
        }

        foreach (var w in d.Warnings)
        {
            findings.Add([new ReportInline(x.Text(w))]);
        }

        ReportSection[] sections =
        [
            new("summary", "Summary", [new TilesBlock(tiles)]),
            new("selection-rates", "Selection rates", [new ChartBlock(selection)]) { CssClass = "chart" },
            new("error-rates", "Error rates", [new ChartBlock(tpr), new ChartBlock(fpr)]) { CssClass = "chart" },
            new("groups", "Groups of " + attribute, [new TableBlock(groupColumns, groupRows) { OmittedRows = d.Groups.Count - groupRows.Count }]),
            new("parity", "Parity measures", [new TableBlock(["Measure", new("Value", true), new(level + " bootstrap interval", true)], parityRows)]),
            new("findings", "Findings", findings.Count == 0 ? [new ParagraphBlock("No limit breached and no warning.")] : [new ListBlock(findings)]),
        ];
        return new ReportLayout(d.Kind, "Fairness report", x.Text(d.SystemName), d.GeneratedAt, sections) { Byline = "attribute " + attribute };
    }

    private static IntervalChartRow Row(string label, EstimateWithInterval e, bool reference) =>
        new(label, e.Estimate, e.Lower, e.Upper, reference ? ChartPalette.Reference : ChartPalette.Current);
}
