namespace AiGovernance.Reporting.Layout;

/// <summary>A headline number or verdict at the top of a report.</summary>
/// <param name="Id">The tile's element id (for links and tests).</param>
/// <param name="Title">What the tile states, for example "Dataset drift".</param>
/// <param name="Value">The value, for example "YES" or "3 / 26".</param>
/// <param name="Note">A line of context, for example "threshold 10% of columns".</param>
/// <param name="Tone">Good, bad or a severity.</param>
public sealed record ReportTile(string Id, string Title, string Value, string Note, ReportTone Tone = ReportTone.Neutral);
