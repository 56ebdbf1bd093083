namespace AiGovernance.Monitoring.Drift;

internal static class DataDriftDefaults
{
    public const int SmallReferenceRows = 1000;
    public const int MinimumDistinctForKolmogorovSmirnov = 6;
    public const double SignificanceLevel = 0.05;
    public const double DistanceThreshold = 0.1;
    public const double DriftShareThreshold = 0.5;
    public const int Bins = 10;
    public const double MinimumMissingRateChange = 0.01;
    public const int MaxDegreeOfParallelism = 4;
    public const double ClassDistributionThreshold = 0.1;

    // The Statistics package's largest cap: categories are counted exactly, never folded into "other".
    public const int CategoryCap = 1_000_000;
}
