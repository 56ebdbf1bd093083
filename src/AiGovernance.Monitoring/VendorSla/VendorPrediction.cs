namespace AiGovernance.Monitoring.VendorSla;

internal readonly record struct VendorPrediction(DateTimeOffset Timestamp, bool Predicted, sbyte Actual, double LatencyMilliseconds)
{
    public const sbyte Unlabelled = -1;
}
