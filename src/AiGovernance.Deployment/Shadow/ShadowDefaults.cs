namespace AiGovernance.Deployment.Shadow;

/// <summary>Defaults of the shadow-run options.</summary>
internal static class ShadowDefaults
{
    public const int MaxConcurrentCandidates = 64;
    public static readonly TimeSpan CandidateTimeout = TimeSpan.FromSeconds(5);
    public const double MaxCandidateErrorRate = 0.0;
    public const double MinVolumeProcessed = 1.0;
    public const double MaxPerformanceGap = 0.05;
    public const long MinRequests = 1000;
    public static readonly TimeSpan MaxLatencyP95 = TimeSpan.FromMilliseconds(200);
}
