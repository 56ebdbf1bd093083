namespace AiGovernance.Statistics;

/// <summary>Defaults of <see cref="PsiOptions"/> (STATISTICS.md).</summary>
internal static class PsiDefaults
{
    public const int Bins = 10;
    public const int MinimumBins = 2;
    public const BinningStrategy Binning = BinningStrategy.Quantile;
    public const double Epsilon = 1e-4;
    public const double MaximumEpsilon = 0.01;
}
