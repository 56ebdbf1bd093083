namespace AiGovernance.Statistics;

/// <summary>What a <see cref="ColumnProfile"/> summarises.</summary>
public enum ColumnKind
{
    /// <summary>Numbers: moments, bin counts and a quantile sketch.</summary>
    Numeric = 0,

    /// <summary>Categories (strings): exact counts up to a cap plus an "other" bucket.</summary>
    Categorical = 1,
}
