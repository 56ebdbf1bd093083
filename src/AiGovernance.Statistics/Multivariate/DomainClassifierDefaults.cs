namespace AiGovernance.Statistics;

/// <summary>Defaults of <see cref="DomainClassifierOptions"/>.</summary>
internal static class DomainClassifierDefaults
{
    public const int Folds = 5;
    public const int MaximumFolds = 20;
    public const double RidgePenalty = 1.0;
    public const double ConfidenceLevel = 0.95;
    public const long Seed = 26;
}
