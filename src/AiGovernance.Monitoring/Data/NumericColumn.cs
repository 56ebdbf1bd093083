using AiGovernance.Shared;
using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.Data;

/// <summary>A numeric column; <see cref="double.NaN"/> marks a missing value.</summary>
public sealed class NumericColumn : TabularColumn
{
    /// <summary>Wraps numeric values without copying them.</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="values">The values; NaN is missing. Must not be mutated afterwards.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or holds a lone surrogate, or <paramref name="values"/>
    /// holds an infinity (the message names the first index).</exception>
    public NumericColumn(string name, ReadOnlyMemory<double> values)
        : base(name)
    {
        var span = values.Span;
        var missing = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (double.IsNaN(span[i]))
            {
                missing++;
            }
            else if (double.IsInfinity(span[i]))
            {
                throw new ArgumentException(
                    $"Column '{UntrustedText.Bound(name)}' holds {span[i]} at row {i}; only finite values and NaN (missing) are accepted.",
                    nameof(values));
            }
        }

        Values = values;
        MissingCount = missing;
    }

    /// <summary>The values; NaN is missing.</summary>
    public ReadOnlyMemory<double> Values { get; }

    /// <inheritdoc />
    public override ColumnKind Kind => ColumnKind.Numeric;

    /// <inheritdoc />
    public override int Length => Values.Length;

    /// <inheritdoc />
    public override int MissingCount { get; }

    /// <summary>Copies the non-missing values, in row order.</summary>
    /// <returns>A new array of <see cref="TabularColumn.Length"/> − <see cref="MissingCount"/> finite values.</returns>
    public double[] ToPresentValues()
    {
        var span = Values.Span;
        var result = new double[span.Length - MissingCount];
        var j = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (!double.IsNaN(span[i]))
            {
                result[j++] = span[i];
            }
        }

        return result;
    }

    /// <summary>The non-missing values: the column's own memory when nothing is missing (no copy), else a copy.</summary>
    internal ReadOnlyMemory<double> PresentMemory() => MissingCount == 0 ? Values : ToPresentValues();
}
