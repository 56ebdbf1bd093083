namespace AiGovernance.Statistics;

/// <summary>Defaults of <see cref="PsiOptions"/> (STATISTICS.md).</summary>
internal static class PsiDefaults
{
    public const int Bins = 10;
    public const int MinimumBins = 2;

    // Far above any useful PSI resolution; bounds the edge and count arrays a caller can make us allocate.
    public const int MaximumBins = 100_000;
    public const BinningStrategy Binning = BinningStrategy.Quantile;
    public const double Epsilon = 1e-4;
    public const double MaximumEpsilon = 0.01;
}
