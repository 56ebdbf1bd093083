using System.Globalization;
using AiGovernance.Monitoring.Columnar;
using nietras.SeparatedValues;
using Parquet;
using Parquet.Schema;

namespace AiGovernance.Monitoring.Parquet;

/// <summary>Opens a CSV file as an <see cref="IColumnarSource"/> by converting it, on first read, to a temporary Parquet
/// file that is deleted when the source is disposed: the CSV is streamed twice (Sep) and never held whole.</summary>
/// <remarks>
/// <para><b>Pass 1</b> reads the header (comma, semicolon or tab separated, detected by Sep; quotes unescaped; cells trimmed)
/// and decides each column's kind: numeric when every non-empty cell parses as a finite number in the invariant culture,
/// categorical otherwise. <b>Pass 2</b> writes row groups of <see cref="CsvColumnarOptions.RowGroupRows"/> rows (numbers as
/// nullable doubles, text as strings; an empty cell is missing). Memory is one row group of cells, whatever the file's size.</para>
/// </remarks>
public static class CsvColumnarSource
{
    /// <summary>Converts a CSV file to a temporary Parquet file and opens it.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="options">Row group size and temporary directory; the defaults when null.</param>
    /// <param name="cancellationToken">Cancels the conversion (the temporary file is deleted).</param>
    /// <returns>The source; disposing it deletes the temporary file.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file has no header, an unnamed or repeated column, or a row that cannot be
    /// read (the message names the file and line).</exception>
    public static async Task<ParquetColumnarSource> OpenAsync(string path, CsvColumnarOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= new CsvColumnarOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RowGroupRows, 1, nameof(options));
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The CSV file '{path}' does not exist.", path);
        }

        var shown = Path.GetFileName(path);
        var (names, numeric) = InferKinds(path, shown, cancellationToken);
        var temporary = Path.Combine(options.TemporaryDirectory ?? Path.GetTempPath(), $"aigov-{Guid.NewGuid():N}.parquet");
        try
        {
            await WriteParquetAsync(path, shown, temporary, names, numeric, options.RowGroupRows, cancellationToken).ConfigureAwait(false);
            return await ParquetColumnarSource.OpenAsync(temporary, shown, temporary, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static SepReader OpenReader(string path, string shown)
    {
        try
        {
            return Sep.Reader(o => o with { Unescape = true, Trim = SepTrim.Outer }).FromFile(path);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or NotSupportedException)
        {
            throw new InvalidDataException($"'{shown}' is not a readable CSV file: {e.Message}", e);
        }
    }

    private static (string[] Names, bool[] Numeric) InferKinds(string path, string shown, CancellationToken cancellationToken)
    {
        using var reader = OpenReader(path, shown);
        var names = reader.Header.ColNames.ToArray();
        if (names.Length == 0 || names.All(string.IsNullOrWhiteSpace))
        {
            throw new InvalidDataException($"'{shown}' has no header row.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < names.Length; c++)
        {
            if (string.IsNullOrWhiteSpace(names[c]) || !seen.Add(names[c]))
            {
                throw new InvalidDataException($"'{shown}': header column {c + 1} is unnamed or repeats '{names[c]}'.");
            }
        }

        var numeric = Enumerable.Repeat(true, names.Length).ToArray();
        var rows = 0;
        try
        {
            foreach (var row in reader)
            {
                if ((++rows & 4095) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                for (var c = 0; c < names.Length; c++)
                {
                    if (numeric[c])
                    {
                        var cell = row[c].Span;
                        numeric[c] = cell.IsWhiteSpace() || (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture,
                            out var v) && double.IsFinite(v));
                    }
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            throw new InvalidDataException($"'{shown}' near data row {rows}: {e.Message}", e);
        }

        return (names, numeric);
    }

    private static async Task WriteParquetAsync(string path, string shown, string target, string[] names, bool[] numeric, int rowGroupRows,
        CancellationToken cancellationToken)
    {
        var fields = names.Select((n, c) => numeric[c] ? new DataField(n, typeof(double?)) : new DataField(n, typeof(string))).ToArray();
        var numbers = numeric.Select(isNumber => isNumber ? new double?[rowGroupRows] : null).ToArray();
        var labels = numeric.Select(isNumber => isNumber ? null : new string?[rowGroupRows]).ToArray();
        var stream = File.Create(target);
        await using var streamScope = stream.ConfigureAwait(false);
        var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        await using var writerScope = writer.ConfigureAwait(false);
        using var reader = OpenReader(path, shown);
        var count = 0;
        var line = 0;
        foreach (var row in reader)
        {
            line = row.LineNumberFrom;
            for (var c = 0; c < names.Length; c++)
            {
                var cell = row[c].Span;
                if (numeric[c])
                {
                    numbers[c]![count] = cell.IsWhiteSpace() ? null : double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);
                }
                else
                {
                    labels[c]![count] = cell.IsWhiteSpace() ? null : cell.ToString();
                }
            }

            if (++count == rowGroupRows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await FlushAsync(writer, fields, numbers, labels, count, cancellationToken).ConfigureAwait(false);
                count = 0;
            }
        }

        if (count > 0 || line == 0)
        {
            await FlushAsync(writer, fields, numbers, labels, count, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task FlushAsync(ParquetWriter writer, DataField[] fields, double?[]?[] numbers, string?[]?[] labels, int count,
        CancellationToken cancellationToken)
    {
        using var group = writer.CreateRowGroup();
        for (var c = 0; c < fields.Length; c++)
        {
            if (numbers[c] is { } column)
            {
                await group.WriteAsync<double>(fields[c], column.AsMemory(0, count), null, null, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await group.WriteAsync(fields[c], new ArraySegment<string?>(labels[c]!, 0, count)!, null).ConfigureAwait(false);
                Array.Clear(labels[c]!, 0, count);
            }
        }
    }
}
