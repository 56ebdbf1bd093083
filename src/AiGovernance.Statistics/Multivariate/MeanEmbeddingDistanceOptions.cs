using System.ComponentModel.DataAnnotations;
using System.Runtime.CompilerServices;

namespace AiGovernance.Statistics;

/// <summary>Options of <see cref="MeanEmbeddingDistance"/>.</summary>
public sealed class MeanEmbeddingDistanceOptions
{
    /// <summary>The number of label permutations.</summary>
    /// <value>The default value is 500. At least 1 and at most 1,000,000.</value>
    [Range(1, 1_000_000)]
    public int Permutations { get; set; } = 500;

    /// <summary>The seed of the permutations and of the row samples.</summary>
    /// <value>The default value is 26.</value>
    public long Seed { get; set; } = 26;

    /// <summary>A side with more rows is replaced by a seeded random sample of this many (the distances and their
    /// p-values are then those of the samples).</summary>
    /// <value>The default value is 4000. At least 1.</value>
    [Range(1, int.MaxValue)]
    public int MaxRowsPerSide { get; set; } = 4000;

    internal static MeanEmbeddingDistanceOptions Validate(
        MeanEmbeddingDistanceOptions? options,
        [CallerArgumentExpression(nameof(options))] string? paramName = null)
    {
        options ??= new MeanEmbeddingDistanceOptions();
        if (options.Permutations is < 1 or > 1_000_000)
        {
            throw new ArgumentOutOfRangeException(paramName, options.Permutations, $"{nameof(Permutations)} must be between 1 and 1,000,000.");
        }

        if (options.MaxRowsPerSide < 1)
        {
            throw new ArgumentOutOfRangeException(paramName, options.MaxRowsPerSide, $"{nameof(MaxRowsPerSide)} must be at least 1.");
        }

        return options;
    }
}
