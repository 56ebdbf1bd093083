using System.ComponentModel.DataAnnotations;
using System.Runtime.CompilerServices;

namespace AiGovernance.Statistics;

/// <summary>Options of <see cref="MaximumMeanDiscrepancy"/>.</summary>
public sealed class MmdOptions
{
    /// <summary>The kernel's σ; NaN (the default) chooses it by the median heuristic
    /// (<see cref="MaximumMeanDiscrepancy.MedianHeuristicBandwidth(ReadOnlySpan{double}, ReadOnlySpan{double}, int, int, long)"/>).</summary>
    /// <value>The default value is <see cref="double.NaN"/>. Otherwise positive and finite.</value>
    public double Bandwidth { get; set; } = double.NaN;

    /// <summary>The number of label permutations of the unbiased test.</summary>
    /// <value>The default value is 500. At least 1 and at most 1,000,000.</value>
    [Range(1, MmdDefaults.MaximumPermutations)]
    public int Permutations { get; set; } = MmdDefaults.Permutations;

    /// <summary>The seed of the permutations and of the median heuristic's row sample; the same seed and data give the
    /// same result on every machine.</summary>
    /// <value>The default value is 26.</value>
    public long Seed { get; set; } = MmdDefaults.Seed;

    /// <summary>At most this many pooled rows (a seeded sample when there are more) enter the median heuristic.</summary>
    /// <value>The default value is 1000. At least 2 and at most 20,000.</value>
    [Range(2, MmdDefaults.MaximumMedianHeuristicRows)]
    public int MedianHeuristicRows { get; set; } = MmdDefaults.MedianHeuristicRows;

    /// <summary>The permutation test uses at most this many rows per side: a larger sample is replaced by a seeded random
    /// sample of this size (<see cref="Seed"/>), which bounds the kernel matrix. The linear-time test always uses every row.</summary>
    /// <value>The default value is 4000 (a pooled kernel matrix of at most 8,000² doubles, 512 MB). At least 2 and at most 8,000.</value>
    [Range(2, MmdDefaults.MaximumPooledRows / 2)]
    public int MaxRowsPerSide { get; set; } = MmdDefaults.MaxRowsPerSide;

    internal static MmdOptions Validate(MmdOptions? options, [CallerArgumentExpression(nameof(options))] string? paramName = null)
    {
        options ??= new MmdOptions();
        if (!double.IsNaN(options.Bandwidth) && !(options.Bandwidth > 0 && double.IsFinite(options.Bandwidth)))
        {
            throw new ArgumentOutOfRangeException(
                paramName, options.Bandwidth, $"{nameof(Bandwidth)} must be positive and finite, or NaN for the median heuristic.");
        }

        if (options.Permutations is < 1 or > MmdDefaults.MaximumPermutations)
        {
            throw new ArgumentOutOfRangeException(
                paramName, options.Permutations, $"{nameof(Permutations)} must be between 1 and {MmdDefaults.MaximumPermutations}.");
        }

        if (options.MedianHeuristicRows is < 2 or > MmdDefaults.MaximumMedianHeuristicRows)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                options.MedianHeuristicRows,
                $"{nameof(MedianHeuristicRows)} must be between 2 and {MmdDefaults.MaximumMedianHeuristicRows}.");
        }

        if (options.MaxRowsPerSide is < 2 or > MmdDefaults.MaximumPooledRows / 2)
        {
            throw new ArgumentOutOfRangeException(
                paramName, options.MaxRowsPerSide, $"{nameof(MaxRowsPerSide)} must be between 2 and {MmdDefaults.MaximumPooledRows / 2}.");
        }

        return options;
    }
}
