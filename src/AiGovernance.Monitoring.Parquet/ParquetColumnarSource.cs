using System.Buffers;
using System.Collections.Concurrent;
using System.Numerics;
using AiGovernance.Monitoring.Columnar;
using AiGovernance.Statistics;
using Parquet;
using Parquet.Schema;

namespace AiGovernance.Monitoring.Parquet;

/// <summary>A Parquet file as an <see cref="IColumnarSource"/>: each read decodes one column chunk of one row group, so
/// the <see cref="ColumnarDriftRunner"/> holds one column at a time, never the table.</summary>
/// <remarks>
/// <para><b>Columns.</b> Numeric physical types (floating point, decimal, signed and unsigned integers) and booleans (0/1)
/// are numeric columns, nulls missing; strings are categorical, nulls missing. A nested, repeated or otherwise typed column
/// is an error naming the file and the column.</para>
/// <para><b>Concurrency.</b> Reads of different columns may run at once: each borrows one of a small pool of readers (one
/// file handle and parsed footer each), so the footer is parsed once per reader, not per read.</para>
/// </remarks>
public sealed class ParquetColumnarSource : IColumnarSource, IAsyncDisposable
{
    private readonly string _path;
    private readonly DataField[] _dataFields;
    private readonly int[] _rowGroupRows;
    private readonly ConcurrentBag<ParquetReader> _readers = [];
    private readonly string? _deleteOnDispose;
    private int _disposed;

    private ParquetColumnarSource(string path, string description, ParquetReader first, DataField[] dataFields, ColumnarField[] fields,
        int[] rowGroupRows,
        string? deleteOnDispose)
    {
        _path = path;
        Description = description;
        _dataFields = dataFields;
        Fields = fields;
        _rowGroupRows = rowGroupRows;
        RowCount = rowGroupRows.Sum(r => (long)r);
        _deleteOnDispose = deleteOnDispose;
        _readers.Add(first);
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public IReadOnlyList<ColumnarField> Fields { get; }

    /// <inheritdoc />
    public long RowCount { get; }

    /// <inheritdoc />
    public int RowGroupCount => _rowGroupRows.Length;

    /// <summary>Opens a Parquet file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The source; dispose it to close the file.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not Parquet, or has a column that is nested, repeated or of a type
    /// that is neither numeric, boolean nor text (the message names the file and column).</exception>
    public static Task<ParquetColumnarSource> OpenAsync(string path, CancellationToken cancellationToken = default) =>
        OpenAsync(path, Path.GetFileName(path), null, cancellationToken);

    internal static async Task<ParquetColumnarSource> OpenAsync(string path, string description, string? deleteOnDispose,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The Parquet file '{path}' does not exist.", path);
        }

        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(path, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or NotSupportedException)
        {
            throw new InvalidDataException($"'{description}' is not a readable Parquet file: {e.Message}", e);
        }

        try
        {
            foreach (var field in reader.Schema.Fields)
            {
                if (field is not DataField { IsArray: false })
                {
                    throw new InvalidDataException($"'{description}': column '{field.Name}' is nested or repeated; only flat tables can be " +
                        "analysed.");
                }
            }

            var dataFields = reader.Schema.GetDataFields();
            var fields = new ColumnarField[dataFields.Length];
            for (var f = 0; f < fields.Length; f++)
            {
                fields[f] = new ColumnarField(dataFields[f].Name, KindOf(dataFields[f], description));
            }

            var rows = new int[reader.RowGroupCount];
            for (var g = 0; g < rows.Length; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                rows[g] = checked((int)group.RowCount);
            }

            return new ParquetColumnarSource(path, description, reader, dataFields, fields, rows, deleteOnDispose);
        }
        catch
        {
            await reader.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public int GetRowGroupRowCount(int rowGroup) => _rowGroupRows[rowGroup];

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The column is categorical.</exception>
    public async ValueTask<int> ReadNumericAsync(int field, int rowGroup, Memory<double> destination, CancellationToken cancellationToken)
    {
        if (Fields[field].Kind != ColumnKind.Numeric)
        {
            throw new InvalidOperationException($"Column '{Fields[field].Name}' is categorical.");
        }

        var reader = await RentAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var group = reader.OpenRowGroupReader(rowGroup);
            var count = _rowGroupRows[rowGroup];
            var type = Nullable.GetUnderlyingType(_dataFields[field].ClrType) ?? _dataFields[field].ClrType;
            var target = destination[..count];
            await (type switch
            {
                _ when type == typeof(double) => ReadAsync<double>(group, _dataFields[field], target, cancellationToken),
                _ when type == typeof(float) => ReadAsync<float>(group, _dataFields[field], target, cancellationToken),
                _ when type == typeof(decimal) => ReadAsync<decimal>(group, _dataFields[field], target, cancellationToken),
                _ when type == typeof(long) => ReadAsync<long>(group, _dataFields[field], target, cancellationToken),
                _ when type == typeof(int) => ReadAsync<int>(group, _dataFields[field], target, cancellationToken),
                _ when type == typeof(short) => ReadAsync<short>(group, _dataFields[field], target, cancellationToken),
                _ when type == typeof(sbyte) => ReadAsync<sbyte>(group, _dataFields[field], target, cancellationToken),
                _ when type == typeof(byte) => ReadAsync<byte>(group, _dataFields[field], target, cancellationToken),
                _ when type == typeof(ushort) => ReadAsync<ushort>(group, _dataFields[field], target, cancellationToken),
                _ when type == typeof(uint) => ReadAsync<uint>(group, _dataFields[field], target, cancellationToken),
                _ when type == typeof(ulong) => ReadAsync<ulong>(group, _dataFields[field], target, cancellationToken),
                _ => ReadBooleansAsync(group, _dataFields[field], target, cancellationToken),
            }).ConfigureAwait(false);
            return count;
        }
        finally
        {
            _readers.Add(reader);
        }
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The column is numeric.</exception>
    public async ValueTask<int> ReadCategoricalAsync(int field, int rowGroup, Memory<string?> destination, CancellationToken cancellationToken)
    {
        if (Fields[field].Kind != ColumnKind.Categorical)
        {
            throw new InvalidOperationException($"Column '{Fields[field].Name}' is numeric.");
        }

        var reader = await RentAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var group = reader.OpenRowGroupReader(rowGroup);
            var count = _rowGroupRows[rowGroup];
            await group.ReadAsync(_dataFields[field], destination[..count]!, null, cancellationToken).ConfigureAwait(false);
            return count;
        }
        finally
        {
            _readers.Add(reader);
        }
    }

    /// <summary>Closes the file (and deletes it when it was a temporary conversion).</summary>
    /// <returns>A task that completes when the file is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        while (_readers.TryTake(out var reader))
        {
            await reader.DisposeAsync().ConfigureAwait(false);
        }

        if (_deleteOnDispose is not null)
        {
            File.Delete(_deleteOnDispose);
        }
    }

    private static ColumnKind KindOf(DataField field, string description)
    {
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            return ColumnKind.Categorical;
        }

        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal) || type == typeof(long) || type == typeof(int)
            || type == typeof(short) || type == typeof(sbyte) || type == typeof(byte) || type == typeof(ushort) || type == typeof(uint)
            || type == typeof(ulong) || type == typeof(bool))
        {
            return ColumnKind.Numeric;
        }

        throw new InvalidDataException($"'{description}': column '{field.Name}' has the type {type.Name}; only numeric, boolean and text columns " +
            "can be analysed.");
    }

    private static async Task ReadAsync<T>(ParquetRowGroupReader group, DataField field, Memory<double> destination, CancellationToken ct)
        where T : struct, INumberBase<T>
    {
        var count = destination.Length;
        if (field.IsNullable)
        {
            var buffer = ArrayPool<T?>.Shared.Rent(count);
            try
            {
                await group.ReadAsync<T>(field, buffer.AsMemory(0, count), null, ct).ConfigureAwait(false);
                var span = destination.Span;
                for (var i = 0; i < count; i++)
                {
                    span[i] = buffer[i] is { } v ? double.CreateChecked(v) : double.NaN;
                }
            }
            finally
            {
                ArrayPool<T?>.Shared.Return(buffer);
            }

            return;
        }

        if (typeof(T) == typeof(double))
        {
            await group.ReadAsync<double>(field, destination, null, ct).ConfigureAwait(false);
            return;
        }

        var values = ArrayPool<T>.Shared.Rent(count);
        try
        {
            await group.ReadAsync<T>(field, values.AsMemory(0, count), null, ct).ConfigureAwait(false);
            var span = destination.Span;
            for (var i = 0; i < count; i++)
            {
                span[i] = double.CreateChecked(values[i]);
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(values);
        }
    }

    private static async Task ReadBooleansAsync(ParquetRowGroupReader group, DataField field, Memory<double> destination, CancellationToken ct)
    {
        var count = destination.Length;
        var span = destination.Span;
        if (!field.IsNullable)
        {
            var flags = ArrayPool<bool>.Shared.Rent(count);
            try
            {
                await group.ReadAsync<bool>(field, flags.AsMemory(0, count), null, ct).ConfigureAwait(false);
                span = destination.Span;
                for (var i = 0; i < count; i++)
                {
                    span[i] = flags[i] ? 1 : 0;
                }
            }
            finally
            {
                ArrayPool<bool>.Shared.Return(flags);
            }

            return;
        }

        var buffer = ArrayPool<bool?>.Shared.Rent(count);
        try
        {
            await group.ReadAsync<bool>(field, buffer.AsMemory(0, count), null, ct).ConfigureAwait(false);
            span = destination.Span;
            for (var i = 0; i < count; i++)
            {
                span[i] = buffer[i] is { } b ? (b ? 1 : 0) : double.NaN;
            }
        }
        finally
        {
            ArrayPool<bool?>.Shared.Return(buffer);
        }
    }

    private async ValueTask<ParquetReader> RentAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        return _readers.TryTake(out var reader) ? reader : await ParquetReader.CreateAsync(_path, null, cancellationToken).ConfigureAwait(false);
    }
}
