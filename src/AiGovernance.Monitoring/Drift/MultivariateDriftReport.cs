using System.Text;
using System.Text.Json;
using AiGovernance.Core;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Monitoring.Serialization;
using AiGovernance.Shared;

namespace AiGovernance.Monitoring.Drift;

/// <summary>A window compared with a <see cref="MultivariateReference"/>: PCA reconstruction error, domain classifier and
/// maximum mean discrepancy, each with its own verdict.</summary>
/// <remarks><b>Severity</b>: <see cref="Severity.Low"/> when no method signals drift, <see cref="Severity.Medium"/> when
/// one does, <see cref="Severity.High"/> when two or more agree.</remarks>
public sealed record MultivariateDriftReport
{
    /// <summary>When the comparison was made (from the detector's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset GeneratedAt { get; init; }

    /// <summary>Rows in the reference.</summary>
    public int ReferenceRowCount { get; init; }

    /// <summary>Rows in the current window.</summary>
    public int CurrentRowCount { get; init; }

    /// <summary>The columns compared together.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>The number of encoded features (numeric columns plus one-hot levels).</summary>
    public int FeatureCount { get; init; }

    /// <summary>The reconstruction verdict, or <see langword="null"/> when not run.</summary>
    public ReconstructionDriftResult? Reconstruction { get; init; }

    /// <summary>The domain classifier's verdict, or <see langword="null"/> when not run.</summary>
    public DomainClassifierDriftResult? DomainClassifier { get; init; }

    /// <summary>The MMD verdict, or <see langword="null"/> when not run.</summary>
    public MmdDriftResult? Mmd { get; init; }

    /// <summary>Why a requested method did not run (for example too few rows), one line each.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>How many of the methods that ran signal drift.</summary>
    public int DriftedMethodCount { get; init; }

    /// <summary>Whether any method signals drift.</summary>
    public bool IsDrifted { get; init; }

    /// <summary>Low (none), Medium (one method) or High (two or more).</summary>
    public Severity Severity { get; init; }

    /// <summary>An event for the <see cref="DriftResponseWorkflow"/>.</summary>
    /// <param name="systemId">The AI system.</param>
    /// <returns>A <see cref="DriftEventKind.MultivariateDrift"/> event carrying the report's <see cref="Severity"/>.</returns>
    public DriftEvent ToDriftEvent(string systemId) => new()
    {
        SystemId = systemId,
        Kind = DriftEventKind.MultivariateDrift,
        Severity = Severity,
        Summary = Summary(),
    };

    /// <summary>One line: each method's number against its limit and the verdict.</summary>
    /// <returns>The summary.</returns>
    public string Summary()
    {
        var parts = new List<string>();
        if (Reconstruction is { } r)
        {
            parts.Add(Invariant($"PCA reconstruction error {r.MeanError:F4} (band {r.LowerThreshold:F4}–{r.UpperThreshold:F4}){Flag(r.IsDrifted)}"));
        }

        if (DomainClassifier is { } c)
        {
            parts.Add(JointDriftText.ClassifierSummary(c));
        }

        if (Mmd is { } m)
        {
            parts.Add(JointDriftText.MmdSummary(m));
        }

        var methods = (Reconstruction is null ? 0 : 1) + (DomainClassifier is null ? 0 : 1) + (Mmd is null ? 0 : 1);
        return JointDriftText.Summary(parts, "multivariate", IsDrifted, DriftedMethodCount, methods);
    }

    /// <summary>Parses a report written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException"><paramref name="json"/> is empty.</exception>
    /// <exception cref="JsonException">The text is not a report.</exception>
    public static MultivariateDriftReport FromJson(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        return JsonSerializer.Deserialize(json, MonitoringJsonContext.Default.MultivariateDriftReport)
            ?? throw new JsonException("The JSON text is null, not a multivariate drift report.");
    }

    /// <summary>Serialises the report as indented JSON (NaN written as "NaN").</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, MonitoringJsonContext.Default.MultivariateDriftReport);

    /// <summary>Renders the report as Markdown: one table row per method and the classifier's leading columns.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown()
    {
        var b = new StringBuilder();
        JointDriftText.Heading(
            b,
            "Multivariate",
            Invariant($"Generated: {InvariantFormat.Timestamp(GeneratedAt)} · Reference rows: {ReferenceRowCount} · ")
                + Invariant($"Current rows: {CurrentRowCount} · Columns: {Columns.Count} ({FeatureCount} encoded features)"),
            IsDrifted,
            DriftedMethodCount,
            Severity);
        if (Reconstruction is { } r)
        {
            MarkdownTable.Row(b, "PCA reconstruction error", InvariantFormat.Number(r.MeanError, "F4"),
                Invariant($"{r.LowerThreshold:F4} – {r.UpperThreshold:F4}"), Yes(r.IsDrifted),
                Invariant($"{r.ComponentCount} components explain {r.ExplainedVarianceRatio:P1}; reference chunks of {r.ChunkSize} rows: ")
                + Invariant($"mean {r.ReferenceMean:F4}, sd {r.ReferenceChunkStandardDeviation:F4}"));
        }

        if (DomainClassifier is { } c)
        {
            JointDriftText.ClassifierRow(b, c, Invariant($"; {c.ReferenceRows} vs {c.CurrentRows} rows")
                + (c.SecondOrderFeatures ? "; with squares and pairwise products" : string.Empty));
        }

        if (Mmd is { } m)
        {
            JointDriftText.MmdRow(b, m, "rows");
        }

        if (DomainClassifier is { Importance.Count: > 0 } classifier)
        {
            b.Append("\nColumns the domain classifier leaned on:\n\n");
            MarkdownTable.Header(b, "Column", "Share");
            foreach (var column in classifier.Importance.Take(10))
            {
                MarkdownTable.Row(b, column.Column, InvariantFormat.Number(column.Share, "P1"));
            }
        }

        JointDriftText.Notes(b, Notes);
        return b.ToString();
    }

    private static string Flag(bool drifted) => JointDriftText.Flag(drifted);

    private static string Yes(bool drifted) => JointDriftText.Yes(drifted);

    private static string Invariant(FormattableString text) => JointDriftText.Invariant(text);
}
