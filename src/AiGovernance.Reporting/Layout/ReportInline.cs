namespace AiGovernance.Reporting.Layout;

/// <summary>A run of text inside a paragraph: plain, code, strong or emphasised, optionally a link to a section of the same
/// report. Text is always escaped when rendered.</summary>
/// <param name="Text">The text.</param>
/// <param name="Style">How it is set.</param>
/// <param name="Anchor">The id of a section of the same report to link to, or <see langword="null"/>.</param>
public sealed record ReportInline(string Text, InlineStyle Style = InlineStyle.Plain, string? Anchor = null)
{
    /// <summary>Plain text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The run.</returns>
    public static ReportInline Plain(string text) => new(text);

    /// <summary>Code (a column name, an identifier).</summary>
    /// <param name="text">The text.</param>
    /// <param name="anchor">A section to link to, or <see langword="null"/>.</param>
    /// <returns>The run.</returns>
    public static ReportInline Code(string text, string? anchor = null) => new(text, InlineStyle.Code, anchor);

    /// <summary>Strong text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The run.</returns>
    public static ReportInline Strong(string text) => new(text, InlineStyle.Strong);
}
