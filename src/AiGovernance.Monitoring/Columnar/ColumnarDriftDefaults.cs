namespace AiGovernance.Monitoring.Columnar;

/// <summary>Defaults and cost estimates of <see cref="ColumnarDriftRunner"/>.</summary>
internal static class ColumnarDriftDefaults
{
    /// <summary>1 GiB for columns in flight: with about 40 bytes per numeric row (both sides, see below) four columns of
    /// 3 million rows per side at once, well inside a 2 GiB process.</summary>
    public const long MaxMemoryBytes = 1L << 30;

    /// <summary>Peak managed bytes per row of a numeric column (reference + current): the values (8), the present values
    /// sorted (8) and the sorted sample or sorting buffer (8) on each side, plus slack for the profile and the runtime.</summary>
    public const long NumericBytesPerRow = 40;

    /// <summary>Peak managed bytes per row of a categorical column: the codes (4) and a row group of label references.</summary>
    public const long CategoricalBytesPerRow = 16;
}
