namespace AiGovernance.Deployment.Canary;

/// <summary>Defaults of <see cref="CanaryAnalysisOptions"/>, from the seed's rollback triggers.</summary>
internal static class CanaryDefaults
{
    public const double Alpha = 0.05;
    public const double MaxErrorRateIncrease = 0.005;
    public const double MaxP95IncreaseMilliseconds = 50.0;
    public const double MaxBusinessMetricDegradation = 0.05;
    public const double SampleRatioMismatchAlpha = 0.001;
    public const long MinRequestsPerVariant = 1000;
    public const double FisherExpectedErrorsThreshold = 5.0;
    public const double MinimumDetectableEffect = 0.005;
}
