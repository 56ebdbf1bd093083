namespace AiGovernance.Monitoring.Vendors;

internal static class VendorSlaDefaults
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);
    public const int MinimumLabelledRecords = 100;
    public const double MetricTolerance = 0.02;
    public const double LatencyToleranceFactor = 1.2;
    public const double SignificanceLevel = 0.05;
}
