using System.Globalization;
using AiGovernance.Monitoring.Data;
using AiGovernance.Statistics;
using nietras.SeparatedValues;
using Parquet;
using Parquet.Schema;

namespace AiGovernance.Samples.DriftJob.Tests;

/// <summary>Writes tables as CSV (Sep) or Parquet (Parquet.Net) for the file-input tests.</summary>
internal static class TableFiles
{
    public static void WriteCsv(TabularData data, string path)
    {
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).ToFile(path);
        for (var r = 0; r < data.RowCount; r++)
        {
            using var row = writer.NewRow();
            foreach (var column in data.Columns)
            {
                row[column.Name].Set(Cell(column, r));
            }
        }
    }

    public static void WriteCsv(string path, string[] header, params string[][] rows)
    {
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).ToFile(path);
        if (rows.Length == 0)
        {
            File.WriteAllText(path, string.Join(',', header) + "\n");
            return;
        }

        foreach (var values in rows)
        {
            using var row = writer.NewRow();
            for (var c = 0; c < header.Length; c++)
            {
                row[header[c]].Set(values[c]);
            }
        }
    }

    public static async Task WriteParquetAsync(TabularData data, string path, CancellationToken cancellationToken)
    {
        var fields = data.Columns.Select(c => c.Kind == ColumnKind.Numeric ? new DataField(c.Name, typeof(double?)) : new DataField(c.Name, typeof(string))).ToArray();
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, cancellationToken: cancellationToken);
        using var group = writer.CreateRowGroup();
        for (var f = 0; f < fields.Length; f++)
        {
            var column = data.Columns[f];
            if (column is NumericColumn numeric)
            {
                var values = numeric.Values.ToArray().Select(v => double.IsNaN(v) ? (double?)null : v).ToArray();
                await group.WriteAsync<double>(fields[f], values.AsMemory(), null, null, cancellationToken);
            }
            else
            {
                var categorical = (CategoricalColumn)column;
                var labels = Enumerable.Range(0, data.RowCount).Select(categorical.GetValue).ToArray();
                await group.WriteAsync(fields[f], labels!, null);
            }
        }
    }

    private static string Cell(TabularColumn column, int row) => column switch
    {
        NumericColumn n => double.IsNaN(n.Values.Span[row]) ? string.Empty : n.Values.Span[row].ToString("R", CultureInfo.InvariantCulture),
        CategoricalColumn c => c.GetValue(row) ?? string.Empty,
        _ => throw new InvalidOperationException(),
    };
}
