namespace AiGovernance.Reporting.TechnicalFile;

/// <summary>A column that drifted in the post-market period, with how often.</summary>
/// <param name="Column">The column's name (untrusted text; escaped wherever rendered).</param>
/// <param name="Windows">Windows in which it drifted.</param>
/// <param name="LastDriftedAt">The last window in which it drifted.</param>
public sealed record PostMarketDriftedColumn(string Column, int Windows, DateTimeOffset LastDriftedAt);
