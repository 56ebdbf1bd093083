namespace AiGovernance.Reporting.Layout;

/// <summary>How a <see cref="ReportInline"/> is set.</summary>
public enum InlineStyle
{
    /// <summary>Plain text.</summary>
    Plain = 0,

    /// <summary>Monospace code.</summary>
    Code = 1,

    /// <summary>Strong (bold).</summary>
    Strong = 2,

    /// <summary>Emphasis (italic).</summary>
    Emphasis = 3,
}
