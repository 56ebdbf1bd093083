namespace AiGovernance.Reporting.Layout;

/// <summary>How a table cell is set.</summary>
public enum CellStyle
{
    /// <summary>Plain text.</summary>
    Text = 0,

    /// <summary>A number: right-aligned, tabular figures.</summary>
    Number = 1,

    /// <summary>Monospace code (a column name, an identifier).</summary>
    Code = 2,

    /// <summary>A coloured badge (a severity, a verdict).</summary>
    Badge = 3,

    /// <summary>Strong text.</summary>
    Strong = 4,
}
