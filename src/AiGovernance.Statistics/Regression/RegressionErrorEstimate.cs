namespace AiGovernance.Statistics;

/// <summary>A regression error metric with its confidence interval.</summary>
/// <param name="Estimate">The metric on the sample.</param>
/// <param name="StandardError">Its standard error.</param>
/// <param name="Lower">The interval's lower bound (never below 0).</param>
/// <param name="Upper">The interval's upper bound.</param>
/// <param name="Count">The number of (actual, predicted) pairs.</param>
/// <param name="Method">How the interval was computed.</param>
public readonly record struct RegressionErrorEstimate(double Estimate, double StandardError, double Lower, double Upper, long Count, string Method);
