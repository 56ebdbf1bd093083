using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AiGovernance.Reporting.Drift;

namespace AiGovernance.Reporting.Json;

/// <summary>Reads and writes report documents as JSON: one format for every kind, <c>schemaVersion</c> and <c>kind</c>
/// first, standard JSON that pandas, jq and System.Text.Json read without options.</summary>
/// <remarks>
/// <para>Undefined values are <c>null</c> with the reason in the enclosing object's <c>nullReasons</c> (property name →
/// reason); a document with a NaN or infinite number where a value is required cannot be written. Each kind's JSON Schema
/// is published as <c>docs/schemas/&lt;kind&gt;-report.schema.json</c>.</para>
/// <para><see cref="Parse"/> reads documents of schema version 1 up to <see cref="SchemaVersion"/> and refuses newer ones
/// naming both versions, so an old reader never silently drops what a newer writer added.</para>
/// </remarks>
public static class ReportJson
{
    /// <summary>The schema version this library writes and the newest it reads.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The report kinds this library reads and writes.</summary>
    public static IReadOnlyList<string> Kinds => [.. Contracts.Keys];

    /// <summary>Writes a document.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The JSON text, indented.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    /// <exception cref="ArgumentException">A number that must be finite is NaN or infinite.</exception>
    public static string Serialize(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!TryGetContract(document.Kind, out var info) || info.Type != document.GetType())
        {
            throw new ArgumentException($"No JSON contract for report kind '{document.Kind}' ({document.GetType().Name}).", nameof(document));
        }

        return JsonSerializer.Serialize(document, info);
    }

    /// <summary>Reads a document of any kind this library knows.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The document; its runtime type is the kind's document type (for example <see cref="DriftReportDocument"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ReportJsonException">The text is not JSON (the message gives the line and position), is not an object,
    /// lacks <c>kind</c> or <c>schemaVersion</c>, names an unknown kind or a newer schema version, or misses a required
    /// property.</exception>
    public static ReportDocument Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        string kind;
        int version;
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ReportJsonException($"A report is a JSON object; this is a JSON {root.ValueKind}.");
            }

            if (!root.TryGetProperty("kind", out var k) || k.ValueKind != JsonValueKind.String)
            {
                throw new ReportJsonException("The report has no \"kind\" (a string such as \"drift\").");
            }

            if (!root.TryGetProperty("schemaVersion", out var v) || !v.TryGetInt32(out version))
            {
                throw new ReportJsonException("The report has no \"schemaVersion\" (an integer).");
            }

            kind = k.GetString()!;
        }
        catch (JsonException ex)
        {
            throw new ReportJsonException($"The report is not valid JSON: {ex.Message}", ex);
        }

        if (!TryGetContract(kind, out var info))
        {
            throw new ReportJsonException($"Unknown report kind \"{Shared.UntrustedText.Quote(kind)}\"; known kinds: {string.Join(", ", Kinds)}.");
        }

        if (version < 1 || version > SchemaVersion)
        {
            throw new ReportJsonException(
                $"The {kind} report has schema version {version}; this library reads versions 1 to {SchemaVersion}. Update AiGovernance.Reporting.");
        }

        try
        {
            return (ReportDocument)(JsonSerializer.Deserialize(json, info)
                ?? throw new ReportJsonException($"The {kind} report is null."));
        }
        catch (JsonException ex)
        {
            throw new ReportJsonException($"The {kind} report does not match its schema: {ex.Message}", ex);
        }
    }

    /// <summary>The JSON contract of each kind.</summary>
    internal static IReadOnlyDictionary<string, JsonTypeInfo> TypeInfos() =>
        Contracts.ToDictionary(c => c.Key, c => c.Value.Value, StringComparer.Ordinal);

    private static bool TryGetContract(string kind, out JsonTypeInfo info)
    {
        if (Contracts.TryGetValue(kind, out var contract))
        {
            info = contract.Value;
            return true;
        }

        info = null!;
        return false;
    }

    // Each kind's contract is built when first used: building all nine (the generated metadata of every document graph,
    // compiled on first use) took ≈ 0.3 s of a drift job that writes only the drift report.
    private static readonly Dictionary<string, Lazy<JsonTypeInfo>> Contracts = new(StringComparer.Ordinal)
    {
        [Core.Reports.GovernanceReportKinds.Drift] = new(() => ReportingJsonContext.Default.DriftReportDocument),
        [Core.Reports.GovernanceReportKinds.Fairness] = new(() => ReportingJsonContext.Default.FairnessReportDocument),
        [Core.Reports.GovernanceReportKinds.Canary] = new(() => ReportingJsonContext.Default.CanaryReportDocument),
        [Core.Reports.GovernanceReportKinds.Shadow] = new(() => ReportingJsonContext.Default.ShadowReportDocument),
        [Core.Reports.GovernanceReportKinds.Oversight] = new(() => ReportingJsonContext.Default.OversightReportDocument),
        [Core.Reports.GovernanceReportKinds.Scorecard] = new(() => ReportingJsonContext.Default.ScorecardReportDocument),
        [Core.Reports.GovernanceReportKinds.Performance] = new(() => ReportingJsonContext.Default.PerformanceReportDocument),
        [TechnicalFile.TechnicalFileDocument.ReportKind] = new(() => ReportingJsonContext.Default.TechnicalFileDocument),
        [TechnicalFile.PostMarketSummaryDocument.ReportKind] = new(() => ReportingJsonContext.Default.PostMarketSummaryDocument),
    };
}
