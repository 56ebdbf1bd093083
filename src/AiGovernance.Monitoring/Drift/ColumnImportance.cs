namespace AiGovernance.Monitoring.Drift;

/// <summary>How much a column contributed to a classifier's decision.</summary>
/// <param name="Column">The column's name.</param>
/// <param name="Share">Its share of the model's absolute standardised coefficients (one-hot levels and products summed),
/// in [0, 1]; the shares of a report sum to 1.</param>
public sealed record ColumnImportance(string Column, double Share);
