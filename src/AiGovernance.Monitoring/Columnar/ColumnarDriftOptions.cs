using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Monitoring.Columnar;

/// <summary>How <see cref="ColumnarDriftRunner"/> spends memory and cores.</summary>
public sealed class ColumnarDriftOptions
{
    /// <summary>The memory the runner may hold for columns in flight; it runs as many columns at once as fit (at least one).</summary>
    /// <value>The default value is 1 GiB.</value>
    [Range(1L << 20, long.MaxValue)]
    public long MaxMemoryBytes { get; set; } = ColumnarDriftDefaults.MaxMemoryBytes;

    /// <summary>The most columns analysed at once, whatever the memory allows.</summary>
    /// <value>The default value is the number of processors.</value>
    [Range(1, 1024)]
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;
}
