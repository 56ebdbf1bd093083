namespace AiGovernance.Reporting.Charts;

/// <summary>How a legend entry is drawn.</summary>
internal enum LegendMark
{
    /// <summary>A filled square: bars, bands.</summary>
    Swatch,

    /// <summary>A solid line: observed series.</summary>
    Line,

    /// <summary>A dashed line: thresholds and projections.</summary>
    DashedLine,

    /// <summary>A dot: marked points.</summary>
    Dot,
}
