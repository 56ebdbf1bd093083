namespace AiGovernance.Reporting.Charts;

/// <summary>How a series or threshold line is stroked.</summary>
public enum ChartLineStyle
{
    /// <summary>A solid line: observed values.</summary>
    Solid = 0,

    /// <summary>A dashed line: thresholds, projections, anything not observed.</summary>
    Dashed = 1,
}
