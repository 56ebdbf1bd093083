namespace AiGovernance.Reporting.Layout;

/// <summary>A table. When a report has more rows than a table may hold, it keeps the first ones and states how many it left
/// out in <see cref="OmittedRows"/>.</summary>
/// <param name="Columns">The columns.</param>
/// <param name="Rows">The rows.</param>
public sealed record TableBlock(IReadOnlyList<TableColumn> Columns, IReadOnlyList<TableRow> Rows) : ReportBlock
{
    /// <summary>The table's CSS class, or <see langword="null"/>.</summary>
    public string? CssClass { get; init; }

    /// <summary>How many rows were left out (shown under the table).</summary>
    public int OmittedRows { get; init; }
}
