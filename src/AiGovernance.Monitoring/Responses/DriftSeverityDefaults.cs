namespace AiGovernance.Monitoring.Responses;

internal static class DriftSeverityDefaults
{
    public const double MediumPsi = 0.1;
    public const double HighPsi = 0.2;
    public const double CriticalPsi = 0.3;
    public const double MediumDegradation = 0.03;
    public const double HighDegradation = 0.05;
    public const double CriticalDegradation = 0.10;
    public const double RollbackDegradation = 0.15;
}
