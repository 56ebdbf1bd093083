namespace AiGovernance.Reporting.Fairness;

/// <summary>A fairness limit that was breached.</summary>
/// <param name="Metric">The metric (for example <c>DisparateImpactRatio</c>).</param>
/// <param name="Observed">The observed value.</param>
/// <param name="Limit">The limit.</param>
/// <param name="Message">What it means.</param>
public sealed record FairnessViolationRow(string Metric, double Observed, double Limit, string Message);
