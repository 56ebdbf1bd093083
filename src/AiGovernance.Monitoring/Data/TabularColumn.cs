using AiGovernance.Shared;
using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.Data;

/// <summary>One named column of a <see cref="TabularData"/>: either a <see cref="NumericColumn"/> or a <see cref="CategoricalColumn"/>.</summary>
/// <remarks>Columns are immutable snapshots; the constructors copy nothing they do not need to, so callers must not mutate
/// the memory they pass in afterwards.</remarks>
public abstract class TabularColumn
{
    private protected TabularColumn(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Utf16Text.ThrowIfMalformed(name, "column name", nameof(name));
        Name = name;
    }

    /// <summary>The column's name (case-sensitive).</summary>
    public string Name { get; }

    /// <summary>What the column holds.</summary>
    public abstract ColumnKind Kind { get; }

    /// <summary>The number of rows, missing values included.</summary>
    public abstract int Length { get; }

    /// <summary>The number of missing values.</summary>
    public abstract int MissingCount { get; }

    /// <summary>The share of missing values in [0, 1]; 0 for an empty column.</summary>
    public double MissingRate => Length == 0 ? 0 : (double)MissingCount / Length;
}
