namespace AiGovernance.Reporting.Charts;

/// <summary>A horizontal (or, on an interval chart, vertical) reference line: a threshold, limit or parity line.</summary>
/// <param name="Value">Where the line is drawn, in the axis's units.</param>
/// <param name="Label">What the line means, for example "PSI threshold 0.2".</param>
public sealed record ChartThreshold(double Value, string Label);
