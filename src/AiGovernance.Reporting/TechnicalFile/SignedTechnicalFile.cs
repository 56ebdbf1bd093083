using AiGovernance.Gates.Approvals;

namespace AiGovernance.Reporting.TechnicalFile;

/// <summary>A technical file rendered as JSON, HTML and Markdown, with the DSSE envelope that signs the digests of all three, of
/// the model artifact, and of every audit record and report the file cites.</summary>
/// <param name="Document">The document.</param>
/// <param name="Json">The JSON rendering (write its UTF-8 bytes as they are: the digest is over them).</param>
/// <param name="Html">The self-contained HTML rendering.</param>
/// <param name="Markdown">The Markdown rendering.</param>
/// <param name="Envelope">The signed envelope; <see cref="DsseEnvelope.ToJson"/> writes it.</param>
public sealed record SignedTechnicalFile(TechnicalFileDocument Document, string Json, string Html, string Markdown, DsseEnvelope Envelope)
{
    /// <summary>The subject name of the JSON rendering in the signed statement.</summary>
    public const string JsonName = "technical-file.json";

    /// <summary>The subject name of the HTML rendering in the signed statement.</summary>
    public const string HtmlName = "technical-file.html";

    /// <summary>The subject name of the Markdown rendering in the signed statement.</summary>
    public const string MarkdownName = "technical-file.md";
}
