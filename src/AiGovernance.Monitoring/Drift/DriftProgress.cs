namespace AiGovernance.Monitoring.Drift;

/// <summary>Progress of a data-drift comparison, reported once per finished column.</summary>
/// <param name="CompletedColumns">Columns finished so far.</param>
/// <param name="TotalColumns">Columns to compare.</param>
/// <param name="Column">The column just finished.</param>
public readonly record struct DriftProgress(int CompletedColumns, int TotalColumns, string Column);
