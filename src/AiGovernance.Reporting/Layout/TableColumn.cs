namespace AiGovernance.Reporting.Layout;

/// <summary>A table column's header.</summary>
/// <param name="Header">The header text.</param>
/// <param name="Numeric">Whether the column holds numbers (right-aligned).</param>
public sealed record TableColumn(string Header, bool Numeric = false)
{
    /// <summary>A text column.</summary>
    /// <param name="header">The header text.</param>
    public static implicit operator TableColumn(string header) => new(header);

    /// <summary>A text column.</summary>
    /// <param name="header">The header text.</param>
    /// <returns>The column.</returns>
    public static TableColumn FromString(string header) => new(header);
}
