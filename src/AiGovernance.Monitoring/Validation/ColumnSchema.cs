using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.Validation;

/// <summary>The rules for one column of a <see cref="DataSchema"/>. A <see langword="null"/> limit means the rule is off.</summary>
/// <remarks>Edit an inferred schema with <c>with</c> expressions, for example <c>column with { Maximum = 120 }</c>.</remarks>
public sealed record ColumnSchema
{
    /// <summary>The column's name (case-sensitive).</summary>
    public required string Name { get; init; }

    /// <summary>The expected kind.</summary>
    public ColumnKind Kind { get; init; }

    /// <summary>Whether the column must be present.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Required { get; init; } = true;

    /// <summary>The smallest allowed value of a numeric column (inclusive), or <see langword="null"/>.</summary>
    public double? Minimum { get; init; }

    /// <summary>The largest allowed value of a numeric column (inclusive), or <see langword="null"/>.</summary>
    public double? Maximum { get; init; }

    /// <summary>The largest allowed share of missing values in [0, 1], or <see langword="null"/>.</summary>
    /// <remarks>A column whose values are all missing is always reported (<see cref="SchemaRule.AllMissing"/>) unless this limit is 1.</remarks>
    public double? MaxMissingRate { get; init; }

    /// <summary>The allowed labels of a categorical column, or <see langword="null"/> for any label.</summary>
    public IReadOnlyList<string>? AllowedCategories { get; init; }

    /// <summary>The largest allowed share (of non-missing values) of labels outside <see cref="AllowedCategories"/>.</summary>
    /// <value>The default value is 0: any unseen label is a violation.</value>
    public double MaxUnseenCategoryRate { get; init; }

    /// <summary>The largest allowed population stability index against the schema's fitted
    /// <see cref="DataSchema.Reference"/>, or <see langword="null"/>.</summary>
    public double? MaxPsi { get; init; }

    /// <summary>The smallest allowed two-sample Kolmogorov–Smirnov p-value against the schema's fitted
    /// <see cref="DataSchema.Reference"/> (numeric columns), or <see langword="null"/>.</summary>
    public double? MinKolmogorovSmirnovPValue { get; init; }
}
