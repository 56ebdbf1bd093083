using System.Globalization;
using System.Text;
using System.Text.Json;
using AiGovernance.Core;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Monitoring.Serialization;
using AiGovernance.Shared;

namespace AiGovernance.Monitoring.Fairness;

/// <summary>A periodic fairness report over labelled production decisions for one sensitive attribute.</summary>
public sealed record FairnessMonitoringReport
{
    /// <summary>When the report was made.</summary>
    public DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The sensitive attribute (for example "gender").</summary>
    public required string Attribute { get; init; }

    /// <summary>Decisions evaluated.</summary>
    public int RowCount { get; init; }

    /// <summary>Selection rate per group.</summary>
    public IReadOnlyDictionary<string, double> SelectionRates { get; init; } = new Dictionary<string, double>();

    /// <summary>The group disparate impact is measured against.</summary>
    public string ReferenceGroup { get; init; } = string.Empty;

    /// <summary>Max − min selection rate (NaN with fewer than two groups).</summary>
    public double DemographicParityDifference { get; init; }

    /// <summary>The larger of the TPR and FPR gaps (NaN with fewer than two groups).</summary>
    public double EqualizedOddsDifference { get; init; }

    /// <summary>The smallest selection rate over the reference group's (NaN with fewer than two groups).</summary>
    public double DisparateImpactRatio { get; init; }

    /// <summary>The chi-squared p-value of selection against group.</summary>
    public double SelectionIndependencePValue { get; init; }

    /// <summary>Broken limits; empty when compliant or when parity is undefined.</summary>
    public IReadOnlyList<FairnessViolation> Violations { get; init; } = [];

    /// <summary>Warnings from the metric computation (small groups, a single group).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The severity raised when there are violations.</summary>
    public Severity ViolationSeverity { get; init; }

    /// <summary>Whether any limit was broken.</summary>
    public bool HasViolations => Violations.Count > 0;

    /// <summary>An event for the <see cref="DriftResponseWorkflow"/>: the configured severity when a limit is broken, else low.</summary>
    /// <param name="systemId">The AI system.</param>
    /// <returns>The event, with the attribute as subject.</returns>
    public DriftEvent ToDriftEvent(string systemId) => new()
    {
        SystemId = systemId,
        Kind = DriftEventKind.Fairness,
        Subject = Attribute,
        Severity = HasViolations ? ViolationSeverity : Severity.Low,
        Summary = HasViolations
            ? string.Join(" ", Violations.Select(v => v.Message))
            : string.Create(CultureInfo.InvariantCulture, $"Fairness limits met for '{UntrustedText.Bound(Attribute)}'."),
    };

    /// <summary>Parses a report written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException"><paramref name="json"/> is empty.</exception>
    /// <exception cref="JsonException">The text is not a report.</exception>
    public static FairnessMonitoringReport FromJson(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        return JsonSerializer.Deserialize(json, MonitoringJsonContext.Default.FairnessMonitoringReport)
            ?? throw new JsonException("The JSON text is null, not a fairness report.");
    }

    /// <summary>Serialises the report as indented JSON.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, MonitoringJsonContext.Default.FairnessMonitoringReport);

    /// <summary>Renders the report as Markdown.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown()
    {
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"# Fairness report: {Attribute}\n\n");
        b.Append(CultureInfo.InvariantCulture, $"Generated: {InvariantFormat.Timestamp(GeneratedAt)} · Decisions: {RowCount} · Status: " +
            $"**{(HasViolations ? "VIOLATED" : "COMPLIANT")}**\n\n");
        MarkdownTable.Header(b, "Group", "Selection rate");
        foreach (var (group, rate) in SelectionRates.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            MarkdownTable.Row(b, group + (group == ReferenceGroup ? " (reference)" : string.Empty), InvariantFormat.Number(rate, "F3"));
        }

        b.Append(CultureInfo.InvariantCulture, $"\nDemographic parity difference: {InvariantFormat.Number(DemographicParityDifference, "F3")} · " +
            $"Equalized odds difference: {InvariantFormat.Number(EqualizedOddsDifference, "F3")} · Disparate impact ratio: " +
            $"{InvariantFormat.Number(DisparateImpactRatio, "F3")} · Selection independence p: " +
            $"{InvariantFormat.Number(SelectionIndependencePValue, "G3")}\n");
        foreach (var violation in Violations)
        {
            b.Append("\n- ").Append(violation.Message);
        }

        foreach (var warning in Warnings)
        {
            b.Append("\n- Warning: ").Append(warning);
        }

        return b.Append('\n').ToString();
    }
}
