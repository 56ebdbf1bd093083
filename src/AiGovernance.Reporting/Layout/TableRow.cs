namespace AiGovernance.Reporting.Layout;

/// <summary>A table row.</summary>
/// <param name="Cells">The cells, one per column.</param>
public sealed record TableRow(IReadOnlyList<TableCell> Cells)
{
    /// <summary>Attributes written as <c>data-*</c> on the HTML row (for example <c>column</c>, <c>severity</c>), so a page or
    /// a test can select rows; names are lower-case letters, digits and hyphens.</summary>
    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether the row is highlighted (a drifted column, a flagged reviewer).</summary>
    public bool Highlighted { get; init; }
}
