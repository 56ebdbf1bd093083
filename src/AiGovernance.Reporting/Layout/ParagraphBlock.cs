namespace AiGovernance.Reporting.Layout;

/// <summary>A paragraph of text runs.</summary>
public sealed record ParagraphBlock : ReportBlock
{
    /// <summary>Creates a paragraph of plain text.</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public ParagraphBlock(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Inlines = [new ReportInline(text)];
    }

    /// <summary>Creates a paragraph of runs.</summary>
    /// <param name="inlines">The runs.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inlines"/> is null.</exception>
    public ParagraphBlock(IReadOnlyList<ReportInline> inlines)
    {
        ArgumentNullException.ThrowIfNull(inlines);
        Inlines = inlines;
    }

    /// <summary>The runs.</summary>
    public IReadOnlyList<ReportInline> Inlines { get; }

    /// <summary>Whether the paragraph is an explanation set in muted colour.</summary>
    public bool Muted { get; init; }
}
