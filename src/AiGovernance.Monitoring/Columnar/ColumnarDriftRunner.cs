using System.Buffers;
using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.Columnar;

/// <summary>Data drift over tables larger than memory: reads one column at a time from row-grouped columnar sources
/// (Parquet files through <c>AiGovernance.Monitoring.Parquet</c>, CSV converted to Parquet, or any
/// <see cref="IColumnarSource"/>), fits or loads that column's reference, compares, and releases it.</summary>
/// <remarks>
/// <para><b>Same answer.</b> Each column goes through the detector's own per-column steps — the same reference fit, the same
/// method choice, the same comparison, the same correction and verdict over all columns — so the report equals
/// <see cref="DataDriftDetector.Compare(DriftReference, TabularData)"/> on the whole tables bit for bit (only
/// <see cref="DataDriftReport.GeneratedAt"/> is stamped anew).</para>
/// <para><b>Memory.</b> Peak memory is about that of the columns in flight, not rows × columns: an estimated 40 bytes per
/// row of a numeric column (16 of a categorical one), reference and current together. As many columns run at once as fit
/// in <see cref="ColumnarDriftOptions.MaxMemoryBytes"/>, at most <see cref="ColumnarDriftOptions.MaxDegreeOfParallelism"/>,
/// at least one. Each column's values are read into an array rented from the shared <see cref="ArrayPool{T}"/> and returned
/// once the column is fitted or compared, so a run reuses a few arrays instead of allocating two large ones per column.</para>
/// <para><b>Progress and cancellation.</b> One <see cref="DriftProgress"/> per finished column; the token is checked before
/// every row group read.</para>
/// </remarks>
public sealed class ColumnarDriftRunner
{
    private readonly DataDriftDetector _detector;
    private readonly ColumnarDriftOptions _options;

    /// <summary>Creates a runner.</summary>
    /// <param name="detector">The detector whose options (methods, thresholds, bins, correction) apply; a default one when null.</param>
    /// <param name="options">Memory budget and parallelism; the defaults when null. Copied.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public ColumnarDriftRunner(DataDriftDetector? detector = null, ColumnarDriftOptions? options = null)
    {
        options ??= new ColumnarDriftOptions();
        if (options.MaxMemoryBytes < 1L << 20 || options.MaxDegreeOfParallelism is < 1 or > 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxMemoryBytes must be at least 1 MiB and MaxDegreeOfParallelism in [1, 1024].");
        }

        _detector = detector ?? new DataDriftDetector();
        _options = new ColumnarDriftOptions { MaxMemoryBytes = options.MaxMemoryBytes, MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
    }

    /// <summary>Fits each reference column and compares the current source with it, column by column.</summary>
    /// <param name="reference">The reference table.</param>
    /// <param name="current">The current table.</param>
    /// <param name="progress">Receives one report per finished column; may be null.</param>
    /// <param name="cancellationToken">Cancels the run between row groups.</param>
    /// <returns>The report, equal to the in-memory detector's on the same tables.</returns>
    /// <exception cref="ArgumentNullException">A source is null.</exception>
    /// <exception cref="ArgumentException">A source has no rows, more than <see cref="int.MaxValue"/> rows, a repeated column
    /// name, or a value the in-memory path rejects too (an infinity, malformed text).</exception>
    /// <exception cref="InvalidOperationException">A method override does not fit the column's kind.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<DataDriftReport> RunAsync(IColumnarSource reference, IColumnarSource current, IProgress<DriftProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var referenceRows = RowsOf(reference, nameof(reference), "A reference needs at least one row.");
        return RunCoreAsync(reference.Fields.Select(f => f.Name).ToArray(), referenceRows, reference.RowCount, current,
            async (i, ct) =>
            {
                using var column = await ReadColumnAsync(reference, i, ct).ConfigureAwait(false);
                return ColumnReference.Fit(column.Column!, _detector.Bins);
            },
            progress, cancellationToken);
    }

    /// <summary>Compares the current source with a reference fitted before (for example read with <see cref="DriftReference.FromJson"/>).</summary>
    /// <param name="reference">The fitted reference.</param>
    /// <param name="current">The current table.</param>
    /// <param name="progress">Receives one report per finished column; may be null.</param>
    /// <param name="cancellationToken">Cancels the run between row groups.</param>
    /// <returns>The report, equal to <see cref="DataDriftDetector.Compare(DriftReference, TabularData)"/> on the same data.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The current source has no rows, too many rows or a repeated column name.</exception>
    /// <exception cref="InvalidOperationException">A method override does not fit the column's kind.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<DataDriftReport> CompareAsync(DriftReference reference, IColumnarSource current, IProgress<DriftProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return RunCoreAsync(reference.Columns.Select(c => c.Name).ToArray(), reference.RowCount, 0, current,
            (i, _) => ValueTask.FromResult(reference.Columns[i]), progress, cancellationToken);
    }

    private async Task<DataDriftReport> RunCoreAsync(
        string[] names,
        int referenceRows,
        long referenceRowsToRead,
        IColumnarSource current,
        Func<int, CancellationToken, ValueTask<ColumnReference>> fit,
        IProgress<DriftProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var currentRows = RowsOf(current, nameof(current), "The current window has no rows.");
        var currentIndex = IndexOf(current);
        var results = new ColumnDriftResult[names.Length];
        var completed = 0;
        var perColumn = Math.Max(ColumnarDriftDefaults.NumericBytesPerRow * (referenceRowsToRead + currentRows), 1);
        var parallelism = (int)Math.Clamp(_options.MaxMemoryBytes / perColumn, 1, _options.MaxDegreeOfParallelism);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        await Parallel.ForAsync(0, names.Length, parallel, async (i, ct) =>
        {
            var fitted = await fit(i, ct).ConfigureAwait(false);
            var choice = _detector.ChooseMethod(fitted);
            using var window = currentIndex.TryGetValue(fitted.Name, out var field)
                ? await ReadColumnAsync(current, field, ct).ConfigureAwait(false)
                : default;
            results[i] = _detector.CompareColumn(fitted, window.Column, choice);
            progress?.Report(new DriftProgress(Interlocked.Increment(ref completed), names.Length, fitted.Name));
        }).ConfigureAwait(false);

        var known = new HashSet<string>(names, StringComparer.Ordinal);
        var extra = new List<ColumnDriftResult>();
        for (var f = 0; f < current.Fields.Count; f++)
        {
            if (!known.Contains(current.Fields[f].Name))
            {
                using var lease = await ReadColumnAsync(current, f, cancellationToken).ConfigureAwait(false);
                var column = lease.Column!;
                extra.Add(DataDriftDetector.NotInReference(column.Name, column.Kind, column.Length - column.MissingCount, column.MissingRate));
            }
        }

        return _detector.Summarise(referenceRows, currentRows, extra, results);
    }

    /// <summary>Reads one whole column, row group by row group, into the in-memory column type the detector compares. The
    /// column's values (or category codes) live in an array rented from <see cref="ArrayPool{T}"/>: dispose the lease once
    /// the column has been fitted or compared (nothing the detector returns keeps a reference to them), so the next column
    /// reuses the memory instead of allocating (and page-faulting in) a fresh large array per column and side.</summary>
    internal static async ValueTask<ColumnLease> ReadColumnAsync(IColumnarSource source, int field, CancellationToken cancellationToken)
    {
        var (name, kind) = source.Fields[field];
        var rows = (int)source.RowCount;
        if (kind == ColumnKind.Numeric)
        {
            var values = ArrayPool<double>.Shared.Rent(rows);
            try
            {
                var at = 0;
                for (var g = 0; g < source.RowGroupCount; g++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    at += await source.ReadNumericAsync(field, g, values.AsMemory(at, source.GetRowGroupRowCount(g)),
                        cancellationToken).ConfigureAwait(false);
                }

                ThrowIfShort(source, name, at, rows);
                return new ColumnLease(new NumericColumn(name, values.AsMemory(0, rows)), values, null);
            }
            catch
            {
                ArrayPool<double>.Shared.Return(values);
                throw;
            }
        }

        var codes = ArrayPool<int>.Shared.Rent(rows);
        try
        {
            var column = await ReadCategoricalAsync(source, field, name, codes.AsMemory(0, rows), cancellationToken).ConfigureAwait(false);
            return new ColumnLease(column, null, codes);
        }
        catch
        {
            ArrayPool<int>.Shared.Return(codes);
            throw;
        }
    }

    private static async ValueTask<CategoricalColumn> ReadCategoricalAsync(IColumnarSource source, int field, string name, Memory<int> codes,
        CancellationToken cancellationToken)
    {
        var rows = codes.Length;
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        var categories = new List<string>();
        var largest = 0;
        for (var g = 0; g < source.RowGroupCount; g++)
        {
            largest = Math.Max(largest, source.GetRowGroupRowCount(g));
        }

        var labels = ArrayPool<string?>.Shared.Rent(largest);
        try
        {
            var offset = 0;
            for (var g = 0; g < source.RowGroupCount; g++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = await source.ReadCategoricalAsync(field, g, labels.AsMemory(0, source.GetRowGroupRowCount(g)),
                    cancellationToken).ConfigureAwait(false);
                var target = codes.Span;
                for (var r = 0; r < count; r++)
                {
                    var label = labels[r];
                    if (label is null)
                    {
                        target[offset + r] = CategoricalColumn.MissingCode;
                        continue;
                    }

                    if (!table.TryGetValue(label, out var code))
                    {
                        code = categories.Count;
                        table.Add(label, code);
                        categories.Add(label);
                    }

                    target[offset + r] = code;
                }

                Array.Clear(labels, 0, count);
                offset += count;
            }

            ThrowIfShort(source, name, offset, rows);
            return new CategoricalColumn(name, codes, categories);
        }
        finally
        {
            ArrayPool<string?>.Shared.Return(labels, clearArray: true);
        }
    }

    private static void ThrowIfShort(IColumnarSource source, string name, int read, int rows)
    {
        if (read != rows)
        {
            throw new InvalidDataException($"{source.Description}: column '{name}' has {read} values but the source has {rows} rows.");
        }
    }

    private static int RowsOf(IColumnarSource source, string paramName, string emptyMessage)
    {
        ArgumentNullException.ThrowIfNull(source, paramName);
        if (source.RowCount == 0)
        {
            throw new ArgumentException($"{source.Description}: {emptyMessage}", paramName);
        }

        if (source.RowCount > int.MaxValue)
        {
            throw new ArgumentException($"{source.Description} has {source.RowCount} rows; a column is analysed in one array of at most " +
                $"{int.MaxValue}.", paramName);
        }

        return (int)source.RowCount;
    }

    /// <summary>A column read by <see cref="ReadColumnAsync"/> and the pooled array behind it; <see langword="default"/> is no
    /// column.</summary>
    internal readonly struct ColumnLease(TabularColumn? column, double[]? values, int[]? codes) : IDisposable
    {
        public TabularColumn? Column { get; } = column;

        public void Dispose()
        {
            if (values is not null)
            {
                ArrayPool<double>.Shared.Return(values);
            }

            if (codes is not null)
            {
                ArrayPool<int>.Shared.Return(codes);
            }
        }
    }

    private static Dictionary<string, int> IndexOf(IColumnarSource source)
    {
        var index = new Dictionary<string, int>(source.Fields.Count, StringComparer.Ordinal);
        for (var f = 0; f < source.Fields.Count; f++)
        {
            if (!index.TryAdd(source.Fields[f].Name, f))
            {
                throw new ArgumentException($"{source.Description} has two columns named '{source.Fields[f].Name}'.", nameof(source));
            }
        }

        return index;
    }
}
