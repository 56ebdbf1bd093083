using AiGovernance.Reporting.Charts;

namespace AiGovernance.Reporting.Layout;

/// <summary>A chart, drawn as inline SVG in HTML and described in one sentence in Markdown.</summary>
/// <param name="Chart">The chart.</param>
public sealed record ChartBlock(ReportChart Chart) : ReportBlock;
