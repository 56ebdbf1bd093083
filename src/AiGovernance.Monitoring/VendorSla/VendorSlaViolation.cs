namespace AiGovernance.Monitoring.VendorSla;

/// <summary>One significant shortfall against the contract.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Observed">The observed value (a rate, or milliseconds for latency).</param>
/// <param name="Contracted">The contracted value (a rate, or milliseconds).</param>
/// <param name="Limit">The tolerated limit the observed value broke (contracted − tolerance, or contracted × factor).</param>
/// <param name="PValue">The one-sided p-value of "the true value meets the limit".</param>
/// <param name="Message">A sentence for the accountability discussion.</param>
public readonly record struct VendorSlaViolation(VendorSlaMetric Metric, double Observed, double Contracted, double Limit, double PValue,
    string Message);
