namespace AiGovernance.Monitoring.Trends;

internal static class ConceptDriftDefaults
{
    public const int WindowSize = 4;
    public const double DegradationThreshold = 0.05;
    public const int TrendPeriods = 7;
    public const double TrendSignificanceLevel = 0.05;
    public const int ProjectionHorizon = 7;
}
