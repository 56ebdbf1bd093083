using System.Globalization;
using System.Text;
using System.Text.Json;
using AiGovernance.Core;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Monitoring.Serialization;
using AiGovernance.Shared;
using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.Drift;

/// <summary>The comparison of a current window with a fitted reference: one result per column and the dataset verdict.</summary>
public sealed record DataDriftReport
{
    /// <summary>How many drifted columns the event summary names; the rest are counted.</summary>
    private const int MaxNamedColumns = 20;

    /// <summary>When the comparison was made (from the detector's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset GeneratedAt { get; init; }

    /// <summary>Rows in the reference.</summary>
    public int ReferenceRowCount { get; init; }

    /// <summary>Rows in the current window.</summary>
    public int CurrentRowCount { get; init; }

    /// <summary>The p-value correction applied across columns (written to JSON by name).</summary>
    public MultipleTestingMethod Correction { get; init; }

    /// <summary>The significance level.</summary>
    public double SignificanceLevel { get; init; }

    /// <summary>The share of drifted columns at which the dataset drifts.</summary>
    public double DriftShareThreshold { get; init; }

    /// <summary>Reference columns counted in the share (every reference column with present reference values).</summary>
    public int ColumnCount { get; init; }

    /// <summary>How many of those drifted.</summary>
    public int DriftedColumnCount { get; init; }

    /// <summary><see cref="DriftedColumnCount"/> / <see cref="ColumnCount"/>.</summary>
    public double DriftedShare { get; init; }

    /// <summary>Whether <see cref="DriftedShare"/> reached <see cref="DriftShareThreshold"/>.</summary>
    public bool DatasetDrift { get; init; }

    /// <summary>The largest column PSI (0 when none was computed).</summary>
    public double MaxPsi { get; init; }

    /// <summary>The highest column severity.</summary>
    public Severity Severity { get; init; }

    /// <summary>One result per reference column in reference order, then columns the reference lacks.</summary>
    public IReadOnlyList<ColumnDriftResult> Columns { get; init; } = [];

    /// <summary>An event for the <see cref="DriftResponseWorkflow"/> carrying <see cref="MaxPsi"/>.</summary>
    /// <param name="systemId">The AI system.</param>
    /// <returns>The event, carrying the report's <see cref="Severity"/>.</returns>
    public DriftEvent ToDriftEvent(string systemId)
    {
        // The summary goes into logs and the audit trail: at most the first MaxNamedColumns drifted names, each bounded.
        var drifted = new List<string>();
        var more = 0;
        foreach (var column in Columns)
        {
            if (column.IsDrifted && drifted.Count < MaxNamedColumns)
            {
                drifted.Add(UntrustedText.Bound(column.Column));
            }
            else if (column.IsDrifted)
            {
                more++;
            }
        }

        if (more > 0)
        {
            drifted.Add(string.Create(CultureInfo.InvariantCulture, $"and {more} more"));
        }

        return new DriftEvent
        {
            SystemId = systemId,
            Kind = DriftEventKind.DataDrift,
            Psi = MaxPsi,
            Severity = Severity,
            Summary = string.Create(CultureInfo.InvariantCulture,
                $"{DriftedColumnCount} of {ColumnCount} columns drifted ({DriftedShare:P0}); dataset drift {(DatasetDrift ? "yes" : "no")}; max " +
                    $"PSI {MaxPsi:F3}; drifted: {string.Join(", ", drifted)}."),
        };
    }

    /// <summary>Parses a report written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException"><paramref name="json"/> is empty.</exception>
    /// <exception cref="JsonException">The text is not a report.</exception>
    public static DataDriftReport FromJson(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        return JsonSerializer.Deserialize(json, MonitoringJsonContext.Default.DataDriftReport)
            ?? throw new JsonException("The JSON text is null, not a data drift report.");
    }

    /// <summary>Serialises the report as indented JSON.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, MonitoringJsonContext.Default.DataDriftReport);

    /// <summary>Renders the report as Markdown: the dataset verdict and one table row per column.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown()
    {
        var b = new StringBuilder();
        b.Append("# Data drift report\n\n");
        b.Append(CultureInfo.InvariantCulture, $"Generated: {InvariantFormat.Timestamp(GeneratedAt)} · Reference rows: {ReferenceRowCount} · " +
            $"Current rows: {CurrentRowCount}\n\n");
        b.Append(CultureInfo.InvariantCulture, $"Dataset drift: **{(DatasetDrift ? "YES" : "NO")}** — {DriftedColumnCount} of {ColumnCount} " +
            $"columns drifted ({DriftedShare:P0}; threshold {DriftShareThreshold:P0}) · Max PSI: {MaxPsi:F3} · Severity: **{Severity}**\n\n");
        b.Append(CultureInfo.InvariantCulture, $"p-values corrected by {Correction} at level {SignificanceLevel:G3}.\n\n");
        MarkdownTable.Header(b, "Column", "Kind", "Method", "Statistic", "p", "p (adj.)", "PSI", "Wasserstein (norm.)", "JS distance",
            "Missing ref → cur", "Drifted", "Severity", "Why");
        foreach (var c in Columns)
        {
            var drifted = c.IsDrifted
                ? "**yes**" + (c.MissingRateDrifted && !c.DistributionDrifted ? " (missing rate)" : c.MissingRateDrifted ? " (+ missing " +
                    "rate)" : string.Empty)
                : "no";
            MarkdownTable.Row(
                b,
                c.Column,
                c.Kind.ToString(),
                c.Status == ColumnDriftStatus.Compared ? c.Method.ToString() : c.Status.ToString(),
                InvariantFormat.Number(c.Statistic, "G4"),
                InvariantFormat.Number(c.PValue, "G3"),
                InvariantFormat.Number(c.AdjustedPValue, "G3"),
                InvariantFormat.Number(c.Psi, "F3"),
                InvariantFormat.Number(c.NormalizedWasserstein, "F3"),
                InvariantFormat.Number(c.JensenShannon, "F3"),
                string.Create(CultureInfo.InvariantCulture, $"{c.ReferenceMissingRate:P1} → {c.CurrentMissingRate:P1}"),
                drifted,
                c.Severity.ToString(),
                c.Reason);
        }

        return b.ToString();
    }
}
