using System.Numerics;
using AiGovernance.Monitoring.Data;
using AiGovernance.Shared;
using Parquet;
using Parquet.Schema;

namespace AiGovernance.Samples.DriftJob.Data;

/// <summary>Reads a Parquet file with Parquet.Net into typed columns: numeric and boolean columns as numbers (null is
/// missing), string columns interned into category codes.</summary>
internal static class ParquetTableReader
{
    public static async Task<RawTable> ReadAsync(string full, string shown, string role, CancellationToken cancellationToken)
    {
        try
        {
            await using var reader = await ParquetReader.CreateAsync(full, null, cancellationToken);
            foreach (var field in reader.Schema.Fields)
            {
                if (field is not DataField { IsArray: false })
                {
                    throw new
                        DriftJobInputException($"The {role} file '{N(shown)}': column '{N(field.Name)}' is nested or repeated; the job reads flat " +
                            $"tables only.");
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
            throw new DriftJobInputException($"The {role} file '{N(shown)}' is not a readable Parquet file: {UntrustedText.Bound(ex.Message, 300)}",
                ex);
        }
    }

    private static async Task<RawColumn> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int count, string shown, string role,
        CancellationToken ct)
    {
        var type = field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>) || type == typeof(ReadOnlyMemory<byte>))
        {
            var text = new string?[count];
            await group.ReadAsync(field, text.AsMemory()!, null, ct).ConfigureAwait(false);
            return Intern(field.Name, text);
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

            return RawColumn.Numeric(field.Name, numbers);
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
                $"The {role} file '{N(shown)}': column '{N(field.Name)}' has the Parquet type {type.Name}; the job analyses numeric, boolean and " +
                    $"string columns only."),
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

        return RawColumn.Numeric(field.Name, numbers);
    }

    /// <summary>Joins a column's row groups: numbers end to end, or labels re-interned into one category table.</summary>
    private static RawColumn Concatenate(string name, List<RawColumn> parts, int rows)
    {
        if (parts.Count == 1)
        {
            return parts[0];
        }

        if (parts.Count == 0 || parts[0].IsNumeric)
        {
            var numbers = new double[rows];
            var at = 0;
            foreach (var part in parts)
            {
                part.Numbers!.CopyTo(numbers, at);
                at += part.Numbers!.Length;
            }

            return RawColumn.Numeric(name, numbers);
        }

        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        var labels = new List<string>();
        var codes = new int[rows];
        var offset = 0;
        foreach (var part in parts)
        {
            var map = new int[part.Categories!.Count];
            for (var k = 0; k < map.Length; k++)
            {
                if (!table.TryGetValue(part.Categories[k], out map[k]))
                {
                    map[k] = labels.Count;
                    table.Add(part.Categories[k], map[k]);
                    labels.Add(part.Categories[k]);
                }
            }

            foreach (var code in part.Codes!)
            {
                codes[offset++] = code == CategoricalColumn.MissingCode ? code : map[code];
            }
        }

        return RawColumn.Categorical(name, codes, labels);
    }

    private static RawColumn Intern(string name, string?[] text)
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        var labels = new List<string>();
        var codes = new int[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var cell = text[i];
            if (string.IsNullOrWhiteSpace(cell))
            {
                codes[i] = CategoricalColumn.MissingCode;
                continue;
            }

            if (!table.TryGetValue(cell, out var code))
            {
                code = labels.Count;
                table.Add(cell, code);
                labels.Add(cell);
            }

            codes[i] = code;
        }

        return RawColumn.Categorical(name, codes, labels);
    }

    private static string N(string text) => UntrustedText.Bound(text, 300);
}
