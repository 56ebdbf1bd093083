using System.Text;
using System.Text.Json;
using AiGovernance.Core;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Monitoring.Serialization;
using AiGovernance.Shared;

namespace AiGovernance.Monitoring.Embeddings;

/// <summary>Current embedding vectors compared with an <see cref="EmbeddingReference"/>: MMD, a domain classifier and the
/// distance between mean vectors, each with its own verdict.</summary>
/// <remarks><b>Severity</b>: <see cref="Severity.Low"/> when no method signals drift, <see cref="Severity.Medium"/> when
/// one does, <see cref="Severity.High"/> when two or more agree.</remarks>
public sealed record EmbeddingDriftReport
{
    /// <summary>When the comparison was made (from the detector's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The vectors' dimension.</summary>
    public int Dimension { get; init; }

    /// <summary>Reference vectors.</summary>
    public int ReferenceCount { get; init; }

    /// <summary>Current vectors.</summary>
    public int CurrentCount { get; init; }

    /// <summary>The MMD verdict, or <see langword="null"/> when not run.</summary>
    public MmdDriftResult? Mmd { get; init; }

    /// <summary>The domain classifier's verdict (its importances name principal components), or <see langword="null"/>.</summary>
    public DomainClassifierDriftResult? DomainClassifier { get; init; }

    /// <summary>The mean-vector distances, or <see langword="null"/> when not run.</summary>
    public EmbeddingMeanDistanceResult? MeanDistance { get; init; }

    /// <summary>Why a requested method did not run, one line each.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>How many of the methods that ran signal drift.</summary>
    public int DriftedMethodCount { get; init; }

    /// <summary>Whether any method signals drift.</summary>
    public bool IsDrifted { get; init; }

    /// <summary>Low (none), Medium (one method) or High (two or more).</summary>
    public Severity Severity { get; init; }

    /// <summary>An event for the <see cref="DriftResponseWorkflow"/>.</summary>
    /// <param name="systemId">The AI system.</param>
    /// <param name="subject">What the vectors embed (for example "prompts" or "retrieved chunks"); may be null.</param>
    /// <returns>An <see cref="DriftEventKind.EmbeddingDrift"/> event carrying the report's <see cref="Severity"/>.</returns>
    public DriftEvent ToDriftEvent(string systemId, string? subject = null) => new()
    {
        SystemId = systemId,
        Kind = DriftEventKind.EmbeddingDrift,
        Subject = subject,
        Severity = Severity,
        Summary = Summary(),
    };

    /// <summary>One line: each method's number and the verdict.</summary>
    /// <returns>The summary.</returns>
    public string Summary()
    {
        var parts = new List<string>();
        if (Mmd is { } m)
        {
            parts.Add(JointDriftText.MmdSummary(m));
        }

        if (DomainClassifier is { } c)
        {
            parts.Add(JointDriftText.ClassifierSummary(c));
        }

        if (MeanDistance is { } d)
        {
            parts.Add(Invariant($"mean embedding moved {d.Euclidean:G3} (p = {d.EuclideanPValue:G3}), ")
                + Invariant($"cosine {d.Cosine:G3} (p = {d.CosinePValue:G3}){Flag(d.IsDrifted)}"));
        }

        var methods = (Mmd is null ? 0 : 1) + (DomainClassifier is null ? 0 : 1) + (MeanDistance is null ? 0 : 1);
        return JointDriftText.Summary(parts, "embedding", IsDrifted, DriftedMethodCount, methods);
    }

    /// <summary>Parses a report written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException"><paramref name="json"/> is empty.</exception>
    /// <exception cref="JsonException">The text is not a report.</exception>
    public static EmbeddingDriftReport FromJson(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        return JsonSerializer.Deserialize(json, MonitoringJsonContext.Default.EmbeddingDriftReport)
            ?? throw new JsonException("The JSON text is null, not an embedding drift report.");
    }

    /// <summary>Serialises the report as indented JSON (NaN written as "NaN").</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, MonitoringJsonContext.Default.EmbeddingDriftReport);

    /// <summary>Renders the report as Markdown, one table row per method.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown()
    {
        var b = new StringBuilder();
        JointDriftText.Heading(
            b,
            "Embedding",
            Invariant($"Generated: {InvariantFormat.Timestamp(GeneratedAt)} · Dimension: {Dimension} · Reference vectors: {ReferenceCount} · ")
                + Invariant($"Current vectors: {CurrentCount}"),
            IsDrifted,
            DriftedMethodCount,
            Severity);
        if (Mmd is { } m)
        {
            JointDriftText.MmdRow(b, m, "vectors");
        }

        if (DomainClassifier is { } c)
        {
            JointDriftText.ClassifierRow(b, c, Invariant($" on {c.Importance.Count} principal components"));
        }

        if (MeanDistance is { } d)
        {
            MarkdownTable.Row(b, "Mean embedding distance", InvariantFormat.Number(d.Euclidean, "G4"),
                Invariant($"Holm p < {d.SignificanceLevel:G3}"),
                Yes(d.IsDrifted),
                Invariant($"p = {d.PValue:G3} (Holm {d.AdjustedPValue:G3}): Euclidean p = {d.EuclideanPValue:G3}, cosine distance {d.Cosine:G4} ")
                + Invariant($"p = {d.CosinePValue:G3}; {d.Permutations} permutations"));
        }

        JointDriftText.Notes(b, Notes);
        return b.ToString();
    }

    private static string Flag(bool drifted) => JointDriftText.Flag(drifted);

    private static string Yes(bool drifted) => JointDriftText.Yes(drifted);

    private static string Invariant(FormattableString text) => JointDriftText.Invariant(text);
}
