using System.Globalization;
using AiGovernance.Core.Reports;
using AiGovernance.Gates.Milestones;
using AiGovernance.Reporting.Layout;

namespace AiGovernance.Reporting.Performance;

/// <summary>Performance gates: each metric's estimate with its confidence interval against its threshold, overall and by
/// group, with the go/no-go verdict; and candidate-versus-production non-inferiority comparisons.</summary>
/// <remarks>Sections: <c>summary</c>, <c>gates</c> (one interval chart per gate with its threshold, and a table),
/// <c>non-inferiority</c> when comparisons were given.</remarks>
public sealed class PerformanceReportDocument : ReportDocument
{
    /// <inheritdoc />
    public override string Kind => GovernanceReportKinds.Performance;

    /// <summary>The gates.</summary>
    public IReadOnlyList<PerformanceGateRow> Gates { get; init; } = [];

    /// <summary>Candidate-versus-production comparisons.</summary>
    public IReadOnlyList<NonInferiorityRow> NonInferiority { get; init; } = [];

    /// <summary>Takes gate results (name → result) and, optionally, non-inferiority comparisons.</summary>
    /// <param name="systemName">The AI system; the report is titled with it.</param>
    /// <param name="gates">The gates by name.</param>
    /// <param name="generatedAt">When the gates were evaluated.</param>
    /// <param name="comparisons">Non-inferiority comparisons, or <see langword="null"/>.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="gates"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="systemName"/> is empty.</exception>
    public static PerformanceReportDocument Create(string systemName, IReadOnlyDictionary<string, PerformanceGateResult> gates,
        DateTimeOffset generatedAt, IEnumerable<NonInferiorityResult>? comparisons = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(systemName);
        ArgumentNullException.ThrowIfNull(gates);
        return new PerformanceReportDocument
        {
            SystemName = systemName,
            GeneratedAt = generatedAt,
            Gates = [.. gates.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => PerformanceGateRow.From(g.Key, g.Value))],
            NonInferiority = [.. (comparisons ?? []).Select(NonInferiorityRow.From)],
        };
    }

    private protected override ReportLayout BuildLayout(ReportContext context)
    {
        var x = context;
        var inv = CultureInfo.InvariantCulture;
        var all = Gates.Concat(Gates.SelectMany(g => g.Subgroups)).ToList();
        var tiles = new List<ReportTile>
        {
            new("go", "Go", all.Count(g => g.Verdict == PerformanceVerdict.Go).ToString(inv), "gates cleared", ReportTone.Good),
            new("no-go", "No-go", all.Count(g => g.Verdict == PerformanceVerdict.NoGo).ToString(inv), "gates failed",
                all.Any(g => g.Verdict == PerformanceVerdict.NoGo) ? ReportTone.Bad : ReportTone.Good),
            new("inconclusive", "Inconclusive", all.Count(g => g.Verdict == PerformanceVerdict.Inconclusive).ToString(inv), "need more labelled data",
                all.Any(g => g.Verdict == PerformanceVerdict.Inconclusive) ? ReportTone.Medium : ReportTone.Good),
        };
        var sections = new List<ReportSection>
        {
            new("summary", "Summary", [new TilesBlock(tiles)]),
            new("gates", "Performance gates", [.. PerformanceLayout.GateCharts(Gates, x), PerformanceLayout.GateTable(Gates,
                x)]) { CssClass = "chart" },
        };
        if (NonInferiority.Count > 0)
        {
            var rows = NonInferiority.Select(n => new TableRow(
            [
                n.Metric.ToString(), TableCell.Number(x.Number(n.Candidate)), TableCell.Number(x.Number(n.Production)),
                TableCell.Number(x.Number(n.Difference.Estimate) + " " + x.Interval(n.Difference.Lower, n.Difference.Upper)),
                TableCell.Number("−" + x.Number(n.Margin)), TableCell.Number(x.Number(n.McNemarPValue)),
                TableCell.Badge(n.Verdict.ToString(), PerformanceLayout.Tone(n.Verdict)), x.Text(n.Explanation),
            ])).ToList();
            sections.Add(new("non-inferiority", "Candidate against production",
                [new TableBlock(["Metric", new("Candidate", true), new("Production", true), new("Difference", true), new("Margin", true),
                    new("McNemar p", true), "Verdict", "Explanation"], rows)]));
        }

        return new ReportLayout(Kind, "Performance gates", x.Text(SystemName), GeneratedAt, sections);
    }
}
