using System.Globalization;
using System.Numerics;
using AiGovernance.Shared;
using nietras.SeparatedValues;
using Parquet;
using Parquet.Schema;

namespace AiGovernance.Samples.DriftJob.Data;

/// <summary>Reads a CSV file (with Sep) or a Parquet file (with Parquet.Net), chosen by extension, into a
/// <see cref="RawTable"/>. Every failure becomes a <see cref="DriftJobInputException"/> naming the file.</summary>
internal static class TabularFileReader
{
    public static async Task<RawTable> ReadAsync(string path, string role, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new DriftJobInputException($"The {role} file path is empty.");
        }

        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new DriftJobInputException($"The {role} file '{N(path)}' does not exist.");
        }

        var extension = Path.GetExtension(full).ToLowerInvariant();
        if (extension is not (".csv" or ".parquet"))
        {
            throw new DriftJobInputException(
                $"The {role} file '{N(path)}' has the extension '{extension}'; the job reads .csv (comma, semicolon or tab separated, with a header row) and .parquet files.");
        }

        if (new FileInfo(full).Length == 0)
        {
            throw new DriftJobInputException($"The {role} file '{N(path)}' is empty.");
        }

        var table = extension == ".csv"
            ? ReadCsv(full, path, role, cancellationToken)
            : await ReadParquetAsync(full, path, role, cancellationToken).ConfigureAwait(false);
        if (table.Columns.Count == 0)
        {
            throw new DriftJobInputException($"The {role} file '{N(path)}' has no columns.");
        }

        if (table.RowCount == 0)
        {
            throw new DriftJobInputException($"The {role} file '{N(path)}' has a header but no data rows.");
        }

        return table;
    }

    private static RawTable ReadCsv(string full, string shown, string role, CancellationToken cancellationToken)
    {
        try
        {
            // The column count is checked here, not by Sep, so a ragged row gets a short message naming its line
            // (Sep's quotes the whole row) and blank trailing lines can be told from ragged rows.
            using var reader = Sep.Reader(o => o with { Unescape = true, Trim = SepTrim.Outer, DisableColCountCheck = true }).FromFile(full);
            var names = reader.Header.ColNames;
            if (names.Count == 0 || (names.Count == 1 && string.IsNullOrWhiteSpace(names[0])))
            {
                throw new DriftJobInputException($"The {role} file '{N(shown)}' is empty: it has no header row.");
            }

            for (var c = 0; c < names.Count; c++)
            {
                if (string.IsNullOrWhiteSpace(names[c]))
                {
                    throw new DriftJobInputException($"The {role} file '{N(shown)}': header column {c + 1} has no name.");
                }
            }

            var cells = new List<string?>[names.Count];
            for (var c = 0; c < cells.Length; c++)
            {
                cells[c] = [];
            }

            var lines = new List<int>();
            var blankLines = new List<int>();
            foreach (var row in reader)
            {
                if ((lines.Count & 4095) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                CheckQuotesClosed(row.Span, row.LineNumberFrom, shown, role);
                if (row.Span.IsWhiteSpace())
                {
                    // A blank line is a missing value in a one-column file, and nothing at all at the end of a file;
                    // decided when the next row (or the end) shows which.
                    blankLines.Add(row.LineNumberFrom);
                    continue;
                }

                if (blankLines.Count > 0)
                {
                    if (names.Count > 1)
                    {
                        throw new DriftJobInputException(
                            $"The {role} file '{N(shown)}', line {blankLines[0]}: the line is blank, but the file has {names.Count} columns; "
                            + "remove the line (blank lines are ignored only at the end of a file).");
                    }

                    foreach (var blank in blankLines)
                    {
                        lines.Add(blank);
                        cells[0].Add(null);
                    }

                    blankLines.Clear();
                }

                if (row.ColCount != names.Count)
                {
                    throw new DriftJobInputException(
                        $"The {role} file '{N(shown)}', line {row.LineNumberFrom}: the row has {row.ColCount} field(s) but the header has {names.Count}.");
                }

                lines.Add(row.LineNumberFrom);
                for (var c = 0; c < cells.Length; c++)
                {
                    var span = row[c].Span;
                    cells[c].Add(span.IsWhiteSpace() ? null : span.ToString());
                }
            }

            var columns = new RawColumn[names.Count];
            for (var c = 0; c < columns.Length; c++)
            {
                columns[c] = new RawColumn(names[c], [.. cells[c]], null);
            }

            return new RawTable(full, columns, lines.Count, [.. lines]);
        }
        catch (Exception ex) when (ex is not (DriftJobInputException or OperationCanceledException))
        {
            throw new DriftJobInputException($"The {role} file '{N(shown)}' is not a readable CSV file: {UntrustedText.Bound(ex.Message, 300)}", ex);
        }
    }

    private static async Task<RawTable> ReadParquetAsync(string full, string shown, string role, CancellationToken cancellationToken)
    {
        try
        {
            await using var reader = await ParquetReader.CreateAsync(full, null, cancellationToken);
            foreach (var field in reader.Schema.Fields)
            {
                if (field is not DataField { IsArray: false })
                {
                    throw new DriftJobInputException($"The {role} file '{N(shown)}': column '{N(field.Name)}' is nested or repeated; the job reads flat tables only.");
                }
            }

            var fields = reader.Schema.GetDataFields();
            var parts = new List<RawColumn>[fields.Length];
            for (var f = 0; f < fields.Length; f++)
            {
                parts[f] = [];
            }

            var rows = 0;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var count = checked((int)group.RowCount);
                for (var f = 0; f < fields.Length; f++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    parts[f].Add(await ReadColumnAsync(group, fields[f], count, shown, role, cancellationToken).ConfigureAwait(false));
                }

                rows += count;
            }

            var columns = new RawColumn[fields.Length];
            for (var f = 0; f < fields.Length; f++)
            {
                columns[f] = Concatenate(fields[f].Name, parts[f], rows);
            }

            return new RawTable(full, columns, rows, null);
        }
        catch (Exception ex) when (ex is not (DriftJobInputException or OperationCanceledException))
        {
            throw new DriftJobInputException($"The {role} file '{N(shown)}' is not a readable Parquet file: {UntrustedText.Bound(ex.Message, 300)}", ex);
        }
    }

    private static async Task<RawColumn> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int count, string shown, string role, CancellationToken ct)
    {
        var type = field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>) || type == typeof(ReadOnlyMemory<byte>))
        {
            var text = new string?[count];
            await group.ReadAsync(field, text.AsMemory()!, null, ct).ConfigureAwait(false);
            return new RawColumn(field.Name, text, null);
        }

        if (type == typeof(bool))
        {
            var flags = new bool?[count];
            await group.ReadAsync<bool>(field, flags.AsMemory(), null, ct).ConfigureAwait(false);
            var numbers = new double[count];
            for (var i = 0; i < count; i++)
            {
                numbers[i] = flags[i] is { } b ? (b ? 1 : 0) : double.NaN;
            }

            return new RawColumn(field.Name, null, numbers);
        }

        return type switch
        {
            _ when type == typeof(double) => await ReadNumbersAsync<double>(group, field, count, ct).ConfigureAwait(false),
            _ when type == typeof(float) => await ReadNumbersAsync<float>(group, field, count, ct).ConfigureAwait(false),
            _ when type == typeof(decimal) => await ReadNumbersAsync<decimal>(group, field, count, ct).ConfigureAwait(false),
            _ when type == typeof(long) => await ReadNumbersAsync<long>(group, field, count, ct).ConfigureAwait(false),
            _ when type == typeof(int) => await ReadNumbersAsync<int>(group, field, count, ct).ConfigureAwait(false),
            _ when type == typeof(short) => await ReadNumbersAsync<short>(group, field, count, ct).ConfigureAwait(false),
            _ when type == typeof(sbyte) => await ReadNumbersAsync<sbyte>(group, field, count, ct).ConfigureAwait(false),
            _ when type == typeof(byte) => await ReadNumbersAsync<byte>(group, field, count, ct).ConfigureAwait(false),
            _ when type == typeof(ushort) => await ReadNumbersAsync<ushort>(group, field, count, ct).ConfigureAwait(false),
            _ when type == typeof(uint) => await ReadNumbersAsync<uint>(group, field, count, ct).ConfigureAwait(false),
            _ when type == typeof(ulong) => await ReadNumbersAsync<ulong>(group, field, count, ct).ConfigureAwait(false),
            _ => throw new DriftJobInputException(
                $"The {role} file '{N(shown)}': column '{N(field.Name)}' has the Parquet type {type.Name}; the job analyses numeric, boolean and string columns only."),
        };
    }

    private static async Task<RawColumn> ReadNumbersAsync<T>(ParquetRowGroupReader group, DataField field, int count, CancellationToken ct)
        where T : struct, INumberBase<T>
    {
        var numbers = new double[count];
        if (field.IsNullable)
        {
            var values = new T?[count];
            await group.ReadAsync<T>(field, values.AsMemory(), null, ct).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                numbers[i] = values[i] is { } v ? double.CreateChecked(v) : double.NaN;
            }
        }
        else
        {
            var values = new T[count];
            await group.ReadAsync<T>(field, values.AsMemory(), null, ct).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                numbers[i] = double.CreateChecked(values[i]);
            }
        }

        return new RawColumn(field.Name, null, numbers);
    }

    private static RawColumn Concatenate(string name, List<RawColumn> parts, int rows)
    {
        if (parts.Count == 1)
        {
            return parts[0];
        }

        if (parts.Count == 0 || parts[0].Numbers is not null)
        {
            var numbers = new double[rows];
            var at = 0;
            foreach (var part in parts)
            {
                part.Numbers!.CopyTo(numbers, at);
                at += part.Numbers.Length;
            }

            return new RawColumn(name, null, numbers);
        }

        var text = new string?[rows];
        var offset = 0;
        foreach (var part in parts)
        {
            part.Text!.CopyTo(text, offset);
            offset += part.Text.Length;
        }

        return new RawColumn(name, text, null);
    }

    private static string N(string text) => UntrustedText.Bound(text, 300);

    /// <summary>End of file inside a quoted field: Sep then returns the rest of the file as one field of one row, so a
    /// 500-row file would read as 6 rows. A well-formed row holds an even number of quote characters (a quote inside
    /// a quoted field is doubled); this walks the row's quotes to find the one left open and names its line.</summary>
    private static void CheckQuotesClosed(ReadOnlySpan<char> row, int firstLine, string shown, string role)
    {
        if (row.IndexOf('"') < 0)
        {
            return;
        }

        var open = -1;
        for (var i = row.IndexOf('"'); i >= 0; i = NextQuote(row, i + 1))
        {
            open = open < 0 ? i : -1;
        }

        if (open >= 0)
        {
            var line = firstLine + row[..open].Count('\n');
            throw new DriftJobInputException(
                $"The {role} file '{N(shown)}', line {line}: a quoted field opens there and is never closed (the file ends inside the quotes).");
        }
    }

    private static int NextQuote(ReadOnlySpan<char> row, int from)
    {
        var next = row[from..].IndexOf('"');
        return next < 0 ? -1 : from + next;
    }

    internal static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
