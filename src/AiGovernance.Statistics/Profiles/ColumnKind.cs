namespace AiGovernance.Statistics;

/// <summary>What a column holds: numbers or categories. The one column kind of the product: a
/// <see cref="ColumnProfile"/>'s, and Monitoring's tabular columns, schemas and drift references use it too.</summary>
public enum ColumnKind
{
    /// <summary>Real numbers (a profile keeps moments, bin counts and a quantile sketch; in tabular data
    /// <see cref="double.NaN"/> marks a missing value).</summary>
    Numeric = 0,

    /// <summary>Categories (labels): a profile keeps exact counts up to a cap plus an "other" bucket; tabular data stores
    /// codes into a category table with a code reserved for a missing value.</summary>
    Categorical = 1,
}
