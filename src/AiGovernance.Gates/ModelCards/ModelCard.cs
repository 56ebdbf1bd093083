using System.Globalization;
using System.Text;
using System.Text.Json;
using AiGovernance.Core;
using AiGovernance.Gates.Milestones;
using AiGovernance.Shared;

namespace AiGovernance.Gates.ModelCards;

/// <summary>A model card assembled from what the library knows — intended use, risk classification, performance-gate
/// results with intervals, fairness by group, the drift baseline, known limitations and owners — bound to the model
/// artifact's digest.</summary>
/// <remarks>The JSON form names the artifact's SHA-256 digest; its own SHA-256 (<see cref="ContentDigest"/>) is what a
/// lifecycle evidence item or the deployment gate's documentation requirement binds to.
/// <see cref="VerifyBinding"/> checks a stored card against the artifact being shipped.</remarks>
public sealed class ModelCard
{
    /// <summary>Creates a card.</summary>
    /// <param name="system">The AI system, with its owners.</param>
    /// <param name="artifact">The model artifact the card describes.</param>
    /// <param name="intendedUse">What the model is for (and not for).</param>
    /// <param name="risk">The risk classification.</param>
    /// <param name="performance">Performance-gate results by name (for example "holdout F1").</param>
    /// <param name="fairness">Fairness rows by group; may be empty, in which case the card says fairness was not assessed.</param>
    /// <param name="driftBaseline">A summary of the drift reference (column → description); may be empty.</param>
    /// <param name="limitations">Known limitations entered by the owner.</param>
    /// <param name="generatedAt">When the card was assembled.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="intendedUse"/> is empty, or no performance result is given.</exception>
    public ModelCard(
        AiSystem system,
        ModelArtifact artifact,
        string intendedUse,
        ModelCardRisk risk,
        IReadOnlyDictionary<string, PerformanceGateResult> performance,
        IReadOnlyList<ModelCardGroupRow> fairness,
        IReadOnlyDictionary<string, string> driftBaseline,
        IReadOnlyList<string> limitations,
        DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(artifact);
        ArgumentException.ThrowIfNullOrWhiteSpace(intendedUse);
        ArgumentNullException.ThrowIfNull(risk);
        ArgumentNullException.ThrowIfNull(performance);
        ArgumentNullException.ThrowIfNull(fairness);
        ArgumentNullException.ThrowIfNull(driftBaseline);
        ArgumentNullException.ThrowIfNull(limitations);
        if (performance.Count == 0)
        {
            throw new ArgumentException("A model card needs at least one performance-gate result.", nameof(performance));
        }

        System = system;
        Artifact = artifact;
        IntendedUse = intendedUse;
        Risk = risk;
        Performance = performance;
        Fairness = fairness;
        DriftBaseline = driftBaseline;
        Limitations = limitations;
        GeneratedAt = generatedAt;
        Json = RenderJson();
        ContentDigest = Sha256Digest.Compute(Encoding.UTF8.GetBytes(Json));
    }

    /// <summary>The AI system.</summary>
    public AiSystem System { get; }

    /// <summary>The model artifact described.</summary>
    public ModelArtifact Artifact { get; }

    /// <summary>What the model is for.</summary>
    public string IntendedUse { get; }

    /// <summary>The risk classification.</summary>
    public ModelCardRisk Risk { get; }

    /// <summary>Performance-gate results by name.</summary>
    public IReadOnlyDictionary<string, PerformanceGateResult> Performance { get; }

    /// <summary>Fairness rows by group.</summary>
    public IReadOnlyList<ModelCardGroupRow> Fairness { get; }

    /// <summary>The drift baseline summary.</summary>
    public IReadOnlyDictionary<string, string> DriftBaseline { get; }

    /// <summary>Known limitations.</summary>
    public IReadOnlyList<string> Limitations { get; }

    /// <summary>When the card was assembled.</summary>
    public DateTimeOffset GeneratedAt { get; }

    /// <summary>The card as indented JSON (stable property order).</summary>
    public string Json { get; }

    /// <summary>SHA-256 of <see cref="Json"/>'s UTF-8 bytes: the card's identity as evidence.</summary>
    public Sha256Digest ContentDigest { get; }

    /// <summary>Checks that a stored card's JSON is unaltered and describes exactly this artifact.</summary>
    /// <param name="json">The card's JSON as stored.</param>
    /// <param name="expectedContentDigest">The digest recorded when the card was accepted as evidence.</param>
    /// <param name="artifact">The artifact being gated.</param>
    /// <returns><see langword="null"/> when bound; otherwise why not.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="artifact"/> is null.</exception>
    public static string? VerifyBinding(string json, Sha256Digest expectedContentDigest, ModelArtifact artifact)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(artifact);
        if (Sha256Digest.Compute(Encoding.UTF8.GetBytes(json)) != expectedContentDigest)
        {
            return "the card's content does not match the digest recorded as evidence: it was altered.";
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var model = document.RootElement.GetProperty("model");
            if (!Sha256Digest.TryParse(model.GetProperty("sha256").GetString(), out var digest) || digest != artifact.Digest)
            {
                return $"the card describes artifact {model.GetProperty("sha256").GetString()}, not {artifact.Digest}.";
            }

            if (model.GetProperty("name").GetString() != artifact.Name || model.GetProperty("version").GetString() != artifact.Version)
            {
                return "the card names another artifact name or version.";
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "the card is not a well-formed model card.";
        }

        return null;
    }

    /// <summary>Renders the card as Markdown with every section.</summary>
    /// <returns>Markdown text.</returns>
    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        sb.Append(c, $"# Model card: {System.Name} — {Artifact.Name} {Artifact.Version}\n\n");
        sb.Append(c, $"Artifact SHA-256: `{Artifact.Digest}`  \nSystem: `{System.Id}` version {System.Version}  \nGenerated: " +
            $"{GeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC  \nCard SHA-256 (of its JSON): `{ContentDigest}`\n\n");
        sb.Append("## Intended use\n\n").Append(IntendedUse).Append("\n\n");
        sb.Append("## Risk classification\n\n");
        sb.Append(c, $"Tier: **{Risk.Tier}** — {Risk.Category}\n\n");
        foreach (var citation in Risk.Citations)
        {
            sb.Append("- ").Append(citation).Append('\n');
        }

        sb.Append("\n## Performance gates\n\n");
        if (Performance.Values.Any(r => r.IsEstimated))
        {
            sb.Append("Results marked \"estimated, no labels\" rest on performance estimated before the labels arrived; ")
                .Append("they are replaced when the labels come.\n\n");
        }

        MarkdownTable.Header(sb, "gate", "metric", "estimate", "interval", "threshold", "n", "verdict");
        foreach (var (name, r) in Performance)
        {
            var e = r.Estimate;
            var metric = r.IsEstimated ? $"{e.Metric} (estimated, no labels)" : e.Metric.ToString();
            var interval = string.Create(c, $"[{e.Lower:F4}, {e.Upper:F4}] ({r.ConfidenceLevel:P0} {e.IntervalMethod})");
            MarkdownTable.Row(sb, name, metric, F4(e.Estimate), interval, F4(r.Threshold), InvariantFormat.Count(e.SampleSize),
                r.Verdict.ToString());
            foreach (var (group, g) in r.Subgroups)
            {
                var ge = g.Estimate;
                MarkdownTable.Row(sb, $"{name} — {group}", ge.Metric.ToString(), F4(ge.Estimate), string.Create(c, $"[{ge.Lower:F4}, {ge.Upper:F4}]"),
                    F4(g.Threshold), InvariantFormat.Count(ge.SampleSize), g.Verdict.ToString());
            }
        }

        sb.Append("\n## Fairness by group\n\n");
        if (Fairness.Count == 0)
        {
            sb.Append("Not assessed.\n");
        }
        else
        {
            MarkdownTable.Header(sb, "group", "n", "selection rate", "TPR", "FPR", "accuracy");
            foreach (var row in Fairness)
            {
                MarkdownTable.Row(sb, row.Group, InvariantFormat.Count(row.Count), F4(row.SelectionRate), F4(row.TruePositiveRate),
                    F4(row.FalsePositiveRate), F4(row.Accuracy));
            }
        }

        sb.Append("\n## Drift baseline\n\n");
        if (DriftBaseline.Count == 0)
        {
            sb.Append("No reference fitted.\n");
        }

        foreach (var (column, summary) in DriftBaseline.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            sb.Append(c, $"- `{column}`: {summary}\n");
        }

        sb.Append("\n## Known limitations\n\n");
        if (Limitations.Count == 0)
        {
            sb.Append("None entered by the owner.\n");
        }

        foreach (var limitation in Limitations)
        {
            sb.Append("- ").Append(limitation).Append('\n');
        }

        var o = System.Owners;
        sb.Append(c, $"\n## Owners\n\n- Business: {o.BusinessOwner}\n- Technical: {o.TechnicalOwner}\n- Operations: {o.OperationsOwner}\n");
        return sb.ToString();
    }

    private static string F4(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

    private string RenderJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("schema", "aigovernance.model-card/v1");
            w.WriteStartObject("model");
            w.WriteString("name", Artifact.Name);
            w.WriteString("version", Artifact.Version);
            w.WriteString("sha256", Artifact.Digest.ToString());
            w.WriteEndObject();
            w.WriteStartObject("system");
            w.WriteString("id", System.Id);
            w.WriteString("name", System.Name);
            w.WriteString("version", System.Version);
            w.WriteStartObject("owners");
            w.WriteString("business", System.Owners.BusinessOwner);
            w.WriteString("technical", System.Owners.TechnicalOwner);
            w.WriteString("operations", System.Owners.OperationsOwner);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteString("generatedAt", GeneratedAt.ToUniversalTime());
            w.WriteString("intendedUse", IntendedUse);
            w.WriteStartObject("risk");
            w.WriteString("tier", Risk.Tier.ToString());
            w.WriteString("category", Risk.Category);
            WriteStrings(w, "citations", Risk.Citations);
            w.WriteEndObject();
            w.WriteStartArray("performance");
            foreach (var (name, r) in Performance)
            {
                WriteResult(w, name, r);
            }

            w.WriteEndArray();
            w.WriteStartArray("fairness");
            foreach (var row in Fairness)
            {
                w.WriteStartObject();
                w.WriteString("group", row.Group);
                w.WriteNumber("count", row.Count);
                WriteNumber(w, "selectionRate", row.SelectionRate);
                WriteNumber(w, "truePositiveRate", row.TruePositiveRate);
                WriteNumber(w, "falsePositiveRate", row.FalsePositiveRate);
                WriteNumber(w, "accuracy", row.Accuracy);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("driftBaseline");
            foreach (var (column, summary) in DriftBaseline.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                w.WriteString(column, summary);
            }

            w.WriteEndObject();
            WriteStrings(w, "limitations", Limitations);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteResult(Utf8JsonWriter w, string name, PerformanceGateResult r)
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteString("metric", r.Estimate.Metric.ToString());
        WriteNumber(w, "estimate", r.Estimate.Estimate);
        WriteNumber(w, "lower", r.Estimate.Lower);
        WriteNumber(w, "upper", r.Estimate.Upper);
        w.WriteString("interval", r.Estimate.IntervalMethod);
        w.WriteNumber("confidenceLevel", r.ConfidenceLevel);
        w.WriteNumber("threshold", r.Threshold);
        w.WriteNumber("sampleSize", r.Estimate.SampleSize);
        w.WriteString("verdict", r.Verdict.ToString());
        w.WriteBoolean("estimated", r.IsEstimated);
        w.WriteStartArray("groups");
        foreach (var (group, g) in r.Subgroups)
        {
            WriteResult(w, group, g);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }
}
