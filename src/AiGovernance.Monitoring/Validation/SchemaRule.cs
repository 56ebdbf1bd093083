namespace AiGovernance.Monitoring.Validation;

/// <summary>The rule a <see cref="SchemaViolation"/> broke.</summary>
public enum SchemaRule
{
    /// <summary>The data has no rows.</summary>
    EmptyData = 0,

    /// <summary>A required column is absent.</summary>
    Required = 1,

    /// <summary>The column is numeric where categorical was expected, or the reverse.</summary>
    Kind = 2,

    /// <summary>The data holds a column the schema does not describe.</summary>
    UnexpectedColumn = 3,

    /// <summary>Every value of the column is missing.</summary>
    AllMissing = 4,

    /// <summary>The share of missing values exceeds the limit.</summary>
    MissingRate = 5,

    /// <summary>A value lies below the allowed minimum; observed is the smallest value.</summary>
    Minimum = 6,

    /// <summary>A value lies above the allowed maximum; observed is the largest value.</summary>
    Maximum = 7,

    /// <summary>The share of values outside the allowed categories exceeds the limit.</summary>
    UnseenCategoryRate = 8,

    /// <summary>The population stability index against the fitted reference exceeds the limit.</summary>
    PopulationStabilityIndex = 9,

    /// <summary>The Kolmogorov–Smirnov p-value against the fitted reference is below the limit.</summary>
    KolmogorovSmirnovPValue = 10,
}
