namespace AiGovernance.Statistics;

/// <summary>Default values of <see cref="FairnessOptions"/>.</summary>
internal static class FairnessDefaults
{
    public const int MinimumGroupSize = 30;
    public const double DisparateImpactThreshold = 0.8;
    public const int BootstrapResamples = 1000;
    public const int Seed = 0;
    public const double ConfidenceLevel = 0.95;
    public const int MaxBootstrapResamples = Bootstrap.MaxResamples;
}
