using System.Diagnostics.Metrics;
using AiGovernance.Reporting.Json;
using AiGovernance.Reporting.Layout;
using AiGovernance.Reporting.Rendering;
using AiGovernance.Shared;

namespace AiGovernance.Reporting;

/// <summary>Renders report documents of every kind as a self-contained HTML file, an HTML fragment for another page,
/// Markdown and JSON, with one set of validated <see cref="ReportingOptions"/>. Registered by <c>AddReporting()</c>.</summary>
/// <remarks>Thread-safe: the renderer holds only its options and meter. Rendering is O(size of the report); a drift report of
/// 1,000 columns renders in well under a second (benchmarks/results/reporting.md).</remarks>
public sealed class ReportRenderer
{
    private readonly ReportingTelemetry _telemetry;

    /// <summary>Creates a renderer (outside DI the options are validated here, with the same validators DI runs).</summary>
    /// <param name="options">The options; the defaults when <see langword="null"/>.</param>
    /// <param name="meterFactory">Where the meter comes from; a process-wide meter when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every broken rule.</exception>
    public ReportRenderer(ReportingOptions? options = null, IMeterFactory? meterFactory = null)
    {
        Options = options ?? new ReportingOptions();
        OptionsGuard.ThrowIfInvalid(Options, nameof(options), ReportingOptionsValidator.Instance, ReportingOptionsCustomValidator.Instance);
        _telemetry = ReportingTelemetry.Create(meterFactory);
    }

    /// <summary>The options.</summary>
    public ReportingOptions Options { get; }

    /// <summary>Lays a document out (for a page that renders sections one by one).</summary>
    /// <param name="document">The document.</param>
    /// <returns>The layout.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    public ReportLayout Layout(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.ToLayout(Options);
    }

    /// <summary>Renders one self-contained HTML document: inline CSS and SVG, no script, no external reference.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The HTML text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    public string ToHtml(ReportDocument document) =>
        Count(document, "html", HtmlReportRenderer.RenderDocument(Layout(document), Options.SignificantDigits));

    /// <summary>Renders the report's sections as an HTML fragment for a page that includes
    /// <see cref="HtmlReportRenderer.Stylesheet"/>.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The fragment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    public string ToHtmlFragment(ReportDocument document) =>
        Count(document, "html-fragment", HtmlReportRenderer.RenderFragment(Layout(document), Options.SignificantDigits));

    /// <summary>Renders Markdown.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The Markdown text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    public string ToMarkdown(ReportDocument document) => Count(document, "markdown", MarkdownReportRenderer.Render(Layout(document)));

    /// <summary>Writes the document's JSON.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    /// <exception cref="ArgumentException">A number that must be finite is not.</exception>
    public string ToJson(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Count(document, "json", ReportJson.Serialize(document));
    }

    private string Count(ReportDocument document, string format, string text)
    {
        _telemetry.RecordRendered(document.Kind, format, text.Length);
        return text;
    }
}
