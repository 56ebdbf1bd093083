using AiGovernance.Shared;

namespace AiGovernance.Monitoring.Data;

/// <summary>Collects columns of equal length into a <see cref="TabularData"/>.</summary>
/// <remarks>Not thread-safe. Every column must have the same length as the first one added.</remarks>
public sealed class TabularDataBuilder
{
    private readonly List<TabularColumn> _columns = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>Adds a numeric column; NaN is missing.</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="values">The values (not copied; must not be mutated afterwards).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The name is empty, holds a lone surrogate or is already used, the length differs from earlier columns,
    /// or a value is infinite.</exception>
    public TabularDataBuilder AddNumeric(string name, ReadOnlyMemory<double> values) => Add(new NumericColumn(name, values), nameof(values));

    /// <summary>Adds a categorical column from labels; <see langword="null"/> is missing.</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="values">The labels.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The name is empty or already used, the name or a value holds a lone surrogate, or the
    /// length differs from earlier columns.</exception>
    public TabularDataBuilder AddCategorical(string name, ReadOnlySpan<string?> values) => Add(CategoricalColumn.FromValues(name, values),
        nameof(values));

    /// <summary>Adds a categorical column from codes and a category table.</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="codes">One code per row; <see cref="CategoricalColumn.MissingCode"/> is missing.</param>
    /// <param name="categories">The category labels indexed by code.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="categories"/> is null.</exception>
    /// <exception cref="ArgumentException">The name is empty or already used, the name or a category holds a lone surrogate, the
    /// length differs, or a code is out of range.</exception>
    public TabularDataBuilder AddCategorical(string name, ReadOnlyMemory<int> codes, IReadOnlyList<string> categories) =>
        Add(new CategoricalColumn(name, codes, categories), nameof(codes));

    /// <summary>Adds a column built elsewhere.</summary>
    /// <param name="column">The column.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="column"/> is null.</exception>
    /// <exception cref="ArgumentException">The name is already used or the length differs from earlier columns.</exception>
    public TabularDataBuilder AddColumn(TabularColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return Add(column, nameof(column));
    }

    private TabularDataBuilder Add(TabularColumn column, string paramName)
    {
        if (_columns.Count > 0 && column.Length != _columns[0].Length)
        {
            throw new ArgumentException(
                $"Column '{UntrustedText.Bound(column.Name)}' has {column.Length} rows but column " +
                    $"'{UntrustedText.Bound(_columns[0].Name)}' has {_columns[0].Length}; all columns must have " +
                    $"the same length.",
                paramName);
        }

        if (!_names.Add(column.Name))
        {
            throw new ArgumentException($"A column named '{UntrustedText.Bound(column.Name)}' was already added.", paramName);
        }

        _columns.Add(column);
        return this;
    }

    /// <summary>Builds the table. The builder may be reused; later additions do not affect the built table.</summary>
    /// <returns>The table.</returns>
    /// <exception cref="InvalidOperationException">No column was added.</exception>
    public TabularData Build()
    {
        if (_columns.Count == 0)
        {
            throw new InvalidOperationException("A table needs at least one column.");
        }

        return new TabularData([.. _columns], _columns[0].Length);
    }
}
