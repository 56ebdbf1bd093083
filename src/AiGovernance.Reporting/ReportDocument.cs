using System.Text.Json.Serialization;
using AiGovernance.Reporting.Json;
using AiGovernance.Reporting.Layout;
using AiGovernance.Shared;

namespace AiGovernance.Reporting;

/// <summary>A report's content: the numbers and verdicts of one report kind, ready to be rendered as HTML, Markdown or
/// JSON. Each kind (<see cref="Kind"/>) has its own document type; all share this header.</summary>
/// <remarks>
/// <para>JSON conventions, the same for every kind (see <see cref="ReportJson"/>): camelCase names, enums as their names,
/// times in ISO 8601, <c>schemaVersion</c> and <c>kind</c> first. A value that is undefined (a p-value not computed, a
/// rate over zero cases) is <c>null</c>, and the object holding it has a <c>nullReasons</c> object naming the property and
/// saying why; a number is never the string "NaN". A part that was simply not supplied (no performance trend) is left
/// out. The JSON Schema of each kind is published under <c>docs/schemas/</c>.</para>
/// <para>Documents are immutable snapshots; building a layout or JSON from one is safe from several threads.</para>
/// </remarks>
public abstract class ReportDocument
{
    private protected ReportDocument()
    {
    }

    /// <summary>The version of the document's JSON shape; <see cref="ReportJson.SchemaVersion"/> for documents made by this
    /// library.</summary>
    [JsonPropertyOrder(-100)]
    public int SchemaVersion { get; init; } = ReportJson.SchemaVersion;

    /// <summary>The report kind, one of <see cref="Core.Reports.GovernanceReportKinds"/>.</summary>
    [JsonPropertyOrder(-99)]
    public abstract string Kind { get; }

    /// <summary>The AI system the report is about (its name or id); the report is titled with it.</summary>
    [JsonPropertyOrder(-98)]
    [JsonPropertyName("system")]
    public required string SystemName { get; init; }

    /// <summary>When the report was made.</summary>
    [JsonPropertyOrder(-97)]
    public DateTimeOffset GeneratedAt { get; init; }

    /// <summary>Lays the report out for reading.</summary>
    /// <param name="options">Rendering options; the defaults when <see langword="null"/>.</param>
    /// <returns>The layout.</returns>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every broken rule.</exception>
    public ReportLayout ToLayout(ReportingOptions? options = null)
    {
        options ??= new ReportingOptions();
        OptionsGuard.ThrowIfInvalid(options, nameof(options), ReportingOptionsValidator.Instance, ReportingOptionsCustomValidator.Instance);
        return BuildLayout(new ReportContext(options));
    }

    /// <summary>Writes the report as JSON (see the type's remarks).</summary>
    /// <returns>The JSON text, indented.</returns>
    /// <exception cref="ArgumentException">A number that should be finite is NaN or infinite (a defect in the caller's
    /// document: undefined values are <see langword="null"/>).</exception>
    public string ToJson() => ReportJson.Serialize(this);

    private protected abstract ReportLayout BuildLayout(ReportContext context);
}
