using System.Globalization;
using System.Text;
using AiGovernance.Shared;

namespace AiGovernance.Scorecards;

/// <summary>Renders a <see cref="ScorecardReport"/> as an executive summary.</summary>
internal static class ExecutiveSummaryWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Markdown(ScorecardReport report)
    {
        var text = new StringBuilder();
        text.Append(Invariant, $"# AI system health report: {report.SystemName}\n\n");
        text.Append(Invariant, $"Period: {report.Period}");
        if (report.PreviousPeriod is not null)
        {
            text.Append(Invariant, $" (compared with {report.PreviousPeriod})");
        }

        text.Append("\n\n");
        text.Append(Invariant, $"**Overall health: {Percent(report.OverallHealth)}**");
        if (report.OverallChange is { } overallChange)
        {
            text.Append(Invariant, $" ({Points(overallChange)} vs {report.PreviousPeriod})");
        }

        text.Append("\n\n");
        MarkdownTable.Header(text, ["Dimension", "Weight", "Score", "Change"], [1, 2, 3]);
        foreach (var d in report.Dimensions)
        {
            MarkdownTable.Row(text, ScorecardDimensions.DisplayName(d.Dimension), Weight(d), d.IsMeasured ? Percent(d.Score) : "not measured",
                Change(d, report));
        }

        text.Append('\n');
        if (report.Weaknesses.Count > 0)
        {
            text.Append(Invariant, $"## Areas requiring attention (below {Percent(report.WeaknessThreshold)})\n\n");
            foreach (var weakness in report.Weaknesses)
            {
                text.Append(Invariant, $"- **{ScorecardDimensions.DisplayName(weakness.Dimension)}: {Percent(weakness.Score)}**\n");
                foreach (var m in weakness.Metrics)
                {
                    text.Append(Invariant, $"  - {m.Metric.Name}: {Number(m.Value)} (floor {Number(m.Metric.Floor)}, target " +
                        $"{Number(m.Metric.Target)}) scores {Percent(m.Score)}\n");
                }
            }
        }
        else if (report.OverallHealth is not null)
        {
            text.Append(Invariant, $"## Areas requiring attention\n\nNone: every measured dimension scores at least " +
                $"{Percent(report.WeaknessThreshold)}.\n");
        }

        if (report.Warnings.Count > 0)
        {
            text.Append("\n## Warnings\n\n");
            foreach (var warning in report.Warnings)
            {
                text.Append(Invariant, $"- {warning}\n");
            }
        }

        text.Append("\n## Metrics\n\n");
        MarkdownTable.Header(text, ["Dimension", "Metric", "Value", "Floor", "Target", "Score"], [2, 3, 4, 5]);
        foreach (var d in report.Dimensions)
        {
            var dimension = ScorecardDimensions.DisplayName(d.Dimension);
            foreach (var m in d.Metrics)
            {
                MarkdownTable.Row(text, dimension, m.Metric.Name, Number(m.Value), Number(m.Metric.Floor), Number(m.Metric.Target), Percent(m.Score));
            }

            foreach (var name in d.MissingMetrics)
            {
                MarkdownTable.Row(text, dimension, name, "no value", null, null, null);
            }
        }

        return text.ToString();
    }

    public static string PlainText(ScorecardReport report)
    {
        var text = new StringBuilder();
        text.Append(Invariant, $"AI System Health Report: {report.SystemName}\n");
        text.Append(Invariant, $"Period: {report.Period}");
        if (report.PreviousPeriod is not null)
        {
            text.Append(Invariant, $" (compared with {report.PreviousPeriod})");
        }

        text.Append('\n');
        text.Append(Invariant, $"Overall Health: {Percent(report.OverallHealth)}");
        if (report.OverallChange is { } overallChange)
        {
            text.Append(Invariant, $" ({Points(overallChange)})");
        }

        text.Append("\n\nDimension Scores:\n");
        foreach (var d in report.Dimensions)
        {
            text.Append(Invariant, $"- {ScorecardDimensions.DisplayName(d.Dimension)}: {(d.IsMeasured ? Percent(d.Score) : "not measured")}");
            if (d.Change is { } change)
            {
                text.Append(Invariant, $" ({Points(change)})");
            }

            text.Append(Invariant, $" [weight {Weight(d)}]\n");
        }

        if (report.Weaknesses.Count > 0)
        {
            text.Append("\nAreas Requiring Attention:\n");
            foreach (var weakness in report.Weaknesses)
            {
                text.Append(Invariant, $"- {ScorecardDimensions.DisplayName(weakness.Dimension)} ({Percent(weakness.Score)})\n");
                foreach (var m in weakness.Metrics)
                {
                    text.Append(Invariant, $"    {m.Metric.Name} = {Number(m.Value)} (floor {Number(m.Metric.Floor)}, target " +
                        $"{Number(m.Metric.Target)}): {Percent(m.Score)}\n");
                }
            }
        }

        if (report.Warnings.Count > 0)
        {
            text.Append("\nWarnings:\n");
            foreach (var warning in report.Warnings)
            {
                text.Append(Invariant, $"- {warning}\n");
            }
        }

        return text.ToString();
    }

    private static string Weight(DimensionScore d) =>
        !d.IsMeasured || Math.Abs(d.EffectiveWeight - d.Weight) < 1e-12
            ? Percent(d.Weight)
            : string.Create(Invariant, $"{Percent(d.Weight)} → {Percent(d.EffectiveWeight)}");

    private static string Change(DimensionScore d, ScorecardReport report) => d.Change switch
    {
        { } change => Points(change),
        null when report.PreviousPeriod is null => "",
        _ => "n/a",
    };

    private static string Percent(double? value) =>
        value is { } v ? string.Create(Invariant, $"{v * 100:0.0} %") : "n/a";

    private static string Points(double change) =>
        string.Create(Invariant, $"{change * 100:+0.0;-0.0;0.0} pts");

    // Thousands separators for money-like amounts; up to six significant decimals for rates and ratios.
    private static string Number(double value) =>
        Math.Abs(value) >= 1000 ? value.ToString("#,0.##", Invariant) : value.ToString("0.######", Invariant);
}
