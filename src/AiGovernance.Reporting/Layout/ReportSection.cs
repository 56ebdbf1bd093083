namespace AiGovernance.Reporting.Layout;

/// <summary>A section of a report: a heading and its blocks. Its <see cref="Id"/> is the HTML element id, stable per report
/// kind, so a dashboard can pick one section and tests can find it.</summary>
/// <param name="Id">The element id (letters, digits, hyphens and underscores are kept as given; anything else is escaped).</param>
/// <param name="Heading">The heading.</param>
/// <param name="Blocks">The blocks.</param>
public sealed record ReportSection(string Id, string Heading, IReadOnlyList<ReportBlock> Blocks)
{
    /// <summary>Whether the heading is set as code (a column name).</summary>
    public bool HeadingIsCode { get; init; }

    /// <summary>A badge beside the heading, or <see langword="null"/>.</summary>
    public TableCell? Badge { get; init; }

    /// <summary>An extra CSS class of the section (for example <c>chart</c>), or <see langword="null"/>.</summary>
    public string? CssClass { get; init; }

    /// <summary>Attributes written as <c>data-*</c> on the section.</summary>
    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();
}
