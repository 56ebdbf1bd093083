namespace AiGovernance.Monitoring.Embeddings;

internal static class EmbeddingDriftDefaults
{
    public const int Permutations = 500;
    public const double SignificanceLevel = 0.05;
    public const int MaxRowsPerSide = 1000;
    public const int LinearTimeMmdRows = 10_000;
    public const int ClassifierComponents = 20;
    public const double ClassifierMargin = 0.02;
    public const double ConfidenceLevel = 0.95;
    public const int Folds = 5;
    public const double RidgePenalty = 1.0;
    public const long Seed = 26;
}
