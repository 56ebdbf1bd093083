namespace AiGovernance.Statistics;

/// <summary>Defaults of <see cref="MmdOptions"/>.</summary>
internal static class MmdDefaults
{
    public const int Permutations = 500;
    public const int MaximumPermutations = 1_000_000;
    public const int MedianHeuristicRows = 1000;
    public const int MaximumMedianHeuristicRows = 20_000;
    public const long Seed = 26;

    // The unbiased estimator keeps the pooled N × N kernel matrix: 16,000² doubles are 2 GB.
    public const int MaximumPooledRows = 16_000;
    public const int MaxRowsPerSide = 4000;
}
