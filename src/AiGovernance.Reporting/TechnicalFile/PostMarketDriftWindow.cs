namespace AiGovernance.Reporting.TechnicalFile;

/// <summary>One drift window of the post-market period.</summary>
/// <param name="At">When the window's report was made.</param>
/// <param name="ReportId">The stored report it comes from.</param>
/// <param name="ColumnCount">Columns compared.</param>
/// <param name="DriftedColumnCount">Columns that drifted.</param>
/// <param name="DatasetDrift">Whether the drifted share crossed the dataset-drift threshold.</param>
/// <param name="MaxPsi">The largest PSI of any column, or <see langword="null"/> when no column has one.</param>
/// <param name="Severity">The report's severity.</param>
public sealed record PostMarketDriftWindow(DateTimeOffset At, long ReportId, int ColumnCount, int DriftedColumnCount, bool DatasetDrift,
    double? MaxPsi, string Severity);
