namespace AiGovernance.Reporting.Charts;

/// <summary>A horizontal (or, on an interval chart, vertical) reference line: a threshold, limit or parity line, drawn dashed and
/// named in the legend.</summary>
/// <param name="Value">Where the line is drawn, in the axis's units.</param>
/// <param name="Label">What the line means, for example "PSI threshold 0.2".</param>
public sealed record ChartThreshold(double Value, string Label)
{
    /// <summary>The line's colour: <see cref="ChartPalette.Threshold"/> by default; a severity colour
    /// (<see cref="ChartPalette.ForSeverity"/>) where several levels are drawn, for example a moderate and a significant shift.</summary>
    public string Colour { get; init; } = ChartPalette.Threshold;
}
