using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Monitoring.Parquet;

/// <summary>How <see cref="CsvColumnarSource"/> converts a CSV file.</summary>
public sealed class CsvColumnarOptions
{
    /// <summary>Rows per row group of the temporary Parquet file: the conversion holds one row group of cells in memory.</summary>
    /// <value>The default value is 100,000.</value>
    [Range(1, int.MaxValue)]
    public int RowGroupRows { get; set; } = 100_000;

    /// <summary>Where the temporary Parquet file goes.</summary>
    /// <value>The default value is <see langword="null"/> (the system's temporary directory).</value>
    public string? TemporaryDirectory { get; set; }
}
