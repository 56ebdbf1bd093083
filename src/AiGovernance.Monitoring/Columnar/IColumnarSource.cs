namespace AiGovernance.Monitoring.Columnar;

/// <summary>A table stored column by column in row groups (a Parquet file, a CSV converted to one, a
/// <see cref="Data.TabularData"/>), read one column of one row group at a time, so a column can be analysed without the
/// rest of the table in memory.</summary>
/// <remarks>Implementations must allow concurrent reads of different columns (the runner reads several columns at once)
/// and must return the rows of a column in the same order on every read.</remarks>
public interface IColumnarSource
{
    /// <summary>What the source is, for messages (a file name).</summary>
    string Description { get; }

    /// <summary>The columns.</summary>
    IReadOnlyList<ColumnarField> Fields { get; }

    /// <summary>The number of rows.</summary>
    long RowCount { get; }

    /// <summary>The number of row groups.</summary>
    int RowGroupCount { get; }

    /// <summary>The number of rows in a row group.</summary>
    /// <param name="rowGroup">The row group.</param>
    /// <returns>Its row count.</returns>
    int GetRowGroupRowCount(int rowGroup);

    /// <summary>Reads a numeric column's values in one row group; NaN marks a missing value.</summary>
    /// <param name="field">The column's index in <see cref="Fields"/>.</param>
    /// <param name="rowGroup">The row group.</param>
    /// <param name="destination">Receives the values; at least <see cref="GetRowGroupRowCount"/> long.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The number of values written.</returns>
    ValueTask<int> ReadNumericAsync(int field, int rowGroup, Memory<double> destination, CancellationToken cancellationToken);

    /// <summary>Reads a categorical column's labels in one row group; null marks a missing value.</summary>
    /// <param name="field">The column's index in <see cref="Fields"/>.</param>
    /// <param name="rowGroup">The row group.</param>
    /// <param name="destination">Receives the labels; at least <see cref="GetRowGroupRowCount"/> long.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The number of labels written.</returns>
    ValueTask<int> ReadCategoricalAsync(int field, int rowGroup, Memory<string?> destination, CancellationToken cancellationToken);
}
