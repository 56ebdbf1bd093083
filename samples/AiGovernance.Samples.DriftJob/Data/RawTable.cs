namespace AiGovernance.Samples.DriftJob.Data;

/// <summary>A file's columns as read, before column kinds are decided: text cells (CSV, Parquet strings) or numbers
/// (Parquet numeric columns).</summary>
internal sealed class RawTable
{
    public RawTable(string path, IReadOnlyList<RawColumn> columns, int rowCount, int[]? lineNumbers)
    {
        Path = path;
        Columns = columns;
        RowCount = rowCount;
        LineNumbers = lineNumbers;
    }

    public string Path { get; }

    public string FileName => System.IO.Path.GetFileName(Path);

    public IReadOnlyList<RawColumn> Columns { get; }

    public int RowCount { get; }

    /// <summary>The text line each data row starts on (CSV); null for Parquet.</summary>
    public int[]? LineNumbers { get; }

    public RawColumn? Find(string name)
    {
        foreach (var column in Columns)
        {
            if (string.Equals(column.Name, name, StringComparison.Ordinal))
            {
                return column;
            }
        }

        return null;
    }

    /// <summary>Where row <paramref name="row"/> is, in words a user can find in the file.</summary>
    public string DescribeRow(int row) =>
        LineNumbers is null ? $"row {row + 1}" : $"line {LineNumbers[row]} (data row {row + 1})";
}

/// <summary>One column as read: exactly one of <see cref="Text"/> and <see cref="Numbers"/> is set.</summary>
internal sealed record RawColumn(string Name, string?[]? Text, double[]? Numbers);
