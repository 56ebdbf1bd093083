namespace AiGovernance.Reporting.Layout;

/// <summary>A table cell.</summary>
/// <param name="Text">The text.</param>
/// <param name="Style">How it is set.</param>
/// <param name="Tone">The badge's or text's tone.</param>
/// <param name="Anchor">The id of a section of the same report to link to, or <see langword="null"/>.</param>
/// <param name="Tooltip">A tooltip (HTML only), or <see langword="null"/>.</param>
public sealed record TableCell(string Text, CellStyle Style = CellStyle.Text, ReportTone Tone = ReportTone.Neutral, string? Anchor = null,
    string? Tooltip = null)
{
    /// <summary>A plain text cell.</summary>
    /// <param name="text">The text.</param>
    public static implicit operator TableCell(string text) => new(text);

    /// <summary>A plain text cell.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The cell.</returns>
    public static TableCell FromString(string text) => new(text);

    /// <summary>A numeric cell.</summary>
    /// <param name="text">The formatted number.</param>
    /// <returns>The cell.</returns>
    public static TableCell Number(string text) => new(text, CellStyle.Number);

    /// <summary>A code cell.</summary>
    /// <param name="text">The text.</param>
    /// <param name="anchor">A section to link to, or <see langword="null"/>.</param>
    /// <returns>The cell.</returns>
    public static TableCell Code(string text, string? anchor = null) => new(text, CellStyle.Code, Anchor: anchor);

    /// <summary>A badge.</summary>
    /// <param name="text">The text.</param>
    /// <param name="tone">The tone.</param>
    /// <returns>The cell.</returns>
    public static TableCell Badge(string text, ReportTone tone) => new(text, CellStyle.Badge, tone);
}
