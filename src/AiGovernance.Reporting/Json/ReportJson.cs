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
    public static IReadOnlyList<string> Kinds => [.. TypeInfos().Keys];

    /// <summary>Writes a document.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The JSON text, indented.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    /// <exception cref="ArgumentException">A number that must be finite is NaN or infinite.</exception>
    public static string Serialize(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!TypeInfos().TryGetValue(document.Kind, out var info) || info.Type != document.GetType())
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

        if (!TypeInfos().TryGetValue(kind, out var info))
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
    internal static IReadOnlyDictionary<string, JsonTypeInfo> TypeInfos() => Contracts.Value;

    private static readonly Lazy<IReadOnlyDictionary<string, JsonTypeInfo>> Contracts = new(() => new Dictionary<string,
        JsonTypeInfo>(StringComparer.Ordinal)
    {
        [Core.Reports.GovernanceReportKinds.Drift] = ReportingJsonContext.Default.DriftReportDocument,
        [Core.Reports.GovernanceReportKinds.Fairness] = ReportingJsonContext.Default.FairnessReportDocument,
        [Core.Reports.GovernanceReportKinds.Canary] = ReportingJsonContext.Default.CanaryReportDocument,
        [Core.Reports.GovernanceReportKinds.Shadow] = ReportingJsonContext.Default.ShadowReportDocument,
        [Core.Reports.GovernanceReportKinds.Oversight] = ReportingJsonContext.Default.OversightReportDocument,
        [Core.Reports.GovernanceReportKinds.Scorecard] = ReportingJsonContext.Default.ScorecardReportDocument,
        [Core.Reports.GovernanceReportKinds.Performance] = ReportingJsonContext.Default.PerformanceReportDocument,
        [TechnicalFile.TechnicalFileDocument.ReportKind] = ReportingJsonContext.Default.TechnicalFileDocument,
        [TechnicalFile.PostMarketSummaryDocument.ReportKind] = ReportingJsonContext.Default.PostMarketSummaryDocument,
    });
}
