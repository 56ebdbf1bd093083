namespace AiGovernance.Monitoring.VendorSla;

/// <summary>A contracted vendor metric.</summary>
public enum VendorSlaMetric
{
    /// <summary>Share of labelled predictions that were correct.</summary>
    Accuracy = 0,

    /// <summary>Share of predicted positives that were positive.</summary>
    Precision = 1,

    /// <summary>Share of actual positives predicted positive.</summary>
    Recall = 2,

    /// <summary>95th-percentile latency.</summary>
    LatencyP95 = 3,

    /// <summary>99th-percentile latency.</summary>
    LatencyP99 = 4,
}
