namespace AiGovernance.Deployment.AspNetCore;

/// <summary>Defaults and limits of <see cref="CanaryJudgeOptions"/> and of the requests the judge accepts.</summary>
internal static class CanaryJudgeDefaults
{
    public const string MinWindow = "00:00:10";
    public const string MaxWindow = "1.00:00:00";
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(10);
    public const double MinFraction = 1e-6;
    public const double MaxFraction = 1 - 1e-6;
    public const int MaxRequestBodyBytes = 16 * 1024;
    public const int MaxMetadataEntries = 32;
    public const int MaxMetadataLength = 256;
    public const string Actor = "aigovernance-canary-judge";
}
