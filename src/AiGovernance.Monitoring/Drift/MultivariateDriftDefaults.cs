namespace AiGovernance.Monitoring.Drift;

internal static class MultivariateDriftDefaults
{
    public const double ExplainedVariance = 0.65;
    public const int ReferenceChunks = 20;
    public const int MinimumChunkRows = 5;
    public const double ThresholdStandardDeviations = 3;
    public const double ClassifierMargin = 0.02;
    public const double ConfidenceLevel = 0.95;
    public const int Folds = 5;
    public const double RidgePenalty = 1.0;
    public const int SecondOrderFeatureLimit = 12;
    public const int MmdPermutations = 500;
    public const double SignificanceLevel = 0.05;
    public const int MaxRowsPerSide = 1000;
    public const int LinearTimeMmdRows = 10_000;
    public const int MaxCategories = 20;
    public const long Seed = 26;
}
