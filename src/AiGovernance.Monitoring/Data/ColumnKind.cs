namespace AiGovernance.Monitoring.Data;

/// <summary>What a column holds.</summary>
public enum ColumnKind
{
    /// <summary>Real numbers; <see cref="double.NaN"/> marks a missing value.</summary>
    Numeric = 0,

    /// <summary>Labels from a category table; <see cref="CategoricalColumn.MissingCode"/> marks a missing value.</summary>
    Categorical = 1,
}
