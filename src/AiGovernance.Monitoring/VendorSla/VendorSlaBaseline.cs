namespace AiGovernance.Monitoring.VendorSla;

/// <summary>The performance a vendor contracted to deliver on the customer's data.</summary>
/// <remarks>Rates are in [0, 1]; latencies are positive. Checked by <see cref="VendorPerformanceMonitor"/>.</remarks>
public sealed record VendorSlaBaseline
{
    /// <summary>Contracted accuracy.</summary>
    public double Accuracy { get; init; }

    /// <summary>Contracted precision (share of predicted positives that are positive).</summary>
    public double Precision { get; init; }

    /// <summary>Contracted recall (share of positives predicted positive).</summary>
    public double Recall { get; init; }

    /// <summary>Contracted 95th-percentile latency.</summary>
    public TimeSpan LatencyP95 { get; init; }

    /// <summary>Contracted 99th-percentile latency.</summary>
    public TimeSpan LatencyP99 { get; init; }
}
