using System.Globalization;
using System.Text;
using AiGovernance.Monitoring.Data;
using AiGovernance.Statistics;
using Parquet;
using Parquet.Schema;

namespace AiGovernance.Monitoring.Parquet.Tests;

/// <summary>Writes tables as Parquet (in row groups) and CSV files for the tests.</summary>
internal static class TableFiles
{
    public static Task WriteParquetAsync(TabularData data, string path, int rowGroupRows, CancellationToken ct) =>
        WriteParquetAsync([data], path, rowGroupRows, ct);

    /// <summary>Writes slices one after another (each generated only when written), in row groups of at most <paramref name="rowGroupRows"/>.</summary>
    public static async Task WriteParquetAsync(IEnumerable<TabularData> slices, string path, int rowGroupRows, CancellationToken ct)
    {
        await using var stream = File.Create(path);
        ParquetWriter? writer = null;
        DataField[] fields = [];
        try
        {
            foreach (var data in slices)
            {
                if (writer is null)
                {
                    fields = [.. data.Columns.Select(c => c.Kind == ColumnKind.Numeric ? new DataField(c.Name, typeof(double?)) : new DataField(c.Name, typeof(string)))];
                    writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, cancellationToken: ct);
                }

                await WriteGroupsAsync(writer, fields, data, rowGroupRows, ct);
            }
        }
        finally
        {
            if (writer is not null)
            {
                await writer.DisposeAsync();
            }
        }
    }

    private static async Task WriteGroupsAsync(ParquetWriter writer, DataField[] fields, TabularData data, int rowGroupRows, CancellationToken ct)
    {
        for (var start = 0; start < data.RowCount; start += rowGroupRows)
        {
            var count = Math.Min(rowGroupRows, data.RowCount - start);
            using var group = writer.CreateRowGroup();
            for (var f = 0; f < fields.Length; f++)
            {
                if (data.Columns[f] is NumericColumn numeric)
                {
                    var values = numeric.Values.Span.Slice(start, count).ToArray().Select(v => double.IsNaN(v) ? (double?)null : v).ToArray();
                    await group.WriteAsync<double>(fields[f], values.AsMemory(), null, null, ct);
                }
                else
                {
                    var categorical = (CategoricalColumn)data.Columns[f];
                    var labels = Enumerable.Range(start, count).Select(categorical.GetValue).ToArray();
                    await group.WriteAsync(fields[f], labels!, null);
                }
            }
        }
    }

    public static void WriteCsv(TabularData data, string path)
    {
        var b = new StringBuilder();
        b.AppendJoin(',', data.Columns.Select(c => c.Name)).Append('\n');
        for (var r = 0; r < data.RowCount; r++)
        {
            b.AppendJoin(',', data.Columns.Select(c => c switch
            {
                NumericColumn n => double.IsNaN(n.Values.Span[r]) ? string.Empty : n.Values.Span[r].ToString("R", CultureInfo.InvariantCulture),
                CategoricalColumn k => k.GetValue(r) ?? string.Empty,
                _ => throw new InvalidOperationException(),
            })).Append('\n');
        }

        File.WriteAllText(path, b.ToString());
    }
}
