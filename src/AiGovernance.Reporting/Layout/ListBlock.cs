namespace AiGovernance.Reporting.Layout;

/// <summary>A bulleted list; each item is a paragraph of runs.</summary>
/// <param name="Items">The items.</param>
public sealed record ListBlock(IReadOnlyList<IReadOnlyList<ReportInline>> Items) : ReportBlock
{
    /// <summary>A list of plain-text items.</summary>
    /// <param name="items">The items.</param>
    /// <returns>The list.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    public static ListBlock Of(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new ListBlock([.. items.Select(i => (IReadOnlyList<ReportInline>)[new ReportInline(i)])]);
    }
}
