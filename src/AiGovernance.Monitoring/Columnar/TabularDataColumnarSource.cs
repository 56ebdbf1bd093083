using AiGovernance.Monitoring.Data;

namespace AiGovernance.Monitoring.Columnar;

/// <summary>An <see cref="IColumnarSource"/> over a <see cref="TabularData"/> already in memory, cut into row groups: for
/// tests, and for callers that hold some tables in memory and stream others.</summary>
/// <remarks>Thread-safe (the table is immutable).</remarks>
public sealed class TabularDataColumnarSource : IColumnarSource
{
    private readonly TabularData _data;
    private readonly int _rowGroupRows;

    /// <summary>Wraps a table.</summary>
    /// <param name="data">The table.</param>
    /// <param name="rowGroupRows">Rows per row group.</param>
    /// <param name="description">What the table is, for messages.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowGroupRows"/> is not positive.</exception>
    public TabularDataColumnarSource(TabularData data, int rowGroupRows = 65_536, string description = "in-memory table")
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupRows, 1);
        _data = data;
        _rowGroupRows = rowGroupRows;
        Description = description;
        Fields = [.. data.Columns.Select(c => new ColumnarField(c.Name, c.Kind))];
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public IReadOnlyList<ColumnarField> Fields { get; }

    /// <inheritdoc />
    public long RowCount => _data.RowCount;

    /// <inheritdoc />
    public int RowGroupCount => Math.Max(1, (_data.RowCount + _rowGroupRows - 1) / _rowGroupRows);

    /// <inheritdoc />
    public int GetRowGroupRowCount(int rowGroup)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowGroup);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rowGroup, RowGroupCount);
        return Math.Min(_rowGroupRows, _data.RowCount - (rowGroup * _rowGroupRows));
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The column is categorical.</exception>
    public ValueTask<int> ReadNumericAsync(int field, int rowGroup, Memory<double> destination, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var count = GetRowGroupRowCount(rowGroup);
        if (_data.Columns[field] is not NumericColumn numeric)
        {
            throw new InvalidOperationException($"Column '{_data.Columns[field].Name}' is categorical.");
        }

        numeric.Values.Span.Slice(rowGroup * _rowGroupRows, count).CopyTo(destination.Span);
        return ValueTask.FromResult(count);
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The column is numeric.</exception>
    public ValueTask<int> ReadCategoricalAsync(int field, int rowGroup, Memory<string?> destination, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var count = GetRowGroupRowCount(rowGroup);
        if (_data.Columns[field] is not CategoricalColumn categorical)
        {
            throw new InvalidOperationException($"Column '{_data.Columns[field].Name}' is numeric.");
        }

        var codes = categorical.Codes.Span.Slice(rowGroup * _rowGroupRows, count);
        var span = destination.Span;
        for (var r = 0; r < count; r++)
        {
            span[r] = codes[r] == CategoricalColumn.MissingCode ? null : categorical.Categories[codes[r]];
        }

        return ValueTask.FromResult(count);
    }
}
