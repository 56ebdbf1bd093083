namespace AiGovernance.Monitoring.Fairness;

/// <summary>A broken fairness limit.</summary>
/// <param name="Metric">The measure.</param>
/// <param name="Observed">Its value.</param>
/// <param name="Limit">The limit it broke.</param>
/// <param name="Message">A sentence for the review.</param>
public readonly record struct FairnessViolation(FairnessMetric Metric, double Observed, double Limit, string Message);
