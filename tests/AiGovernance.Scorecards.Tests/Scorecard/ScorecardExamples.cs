namespace AiGovernance.Scorecards.Tests.Scorecard;

/// <summary>A credit-decisioning system's scorecard, used across the scorecard tests.</summary>
internal static class ScorecardExamples
{
    public static ScorecardMetric[] Metrics =>
    [
        new("accuracy", ScorecardDimension.Technical, MetricDirection.HigherIsBetter, 0.80, 0.95, "Validation accuracy"),
        new("latency_p95_ms", ScorecardDimension.Technical, MetricDirection.LowerIsBetter, 800, 200, "P95 inference latency"),
        new("cost_savings", ScorecardDimension.Business, MetricDirection.HigherIsBetter, 0, 400_000, "Cost savings this quarter"),
        new("time_saved_hours", ScorecardDimension.Business, MetricDirection.HigherIsBetter, 0, 2_000, "Analyst hours saved"),
        new("demographic_parity_gap", ScorecardDimension.Risk, MetricDirection.LowerIsBetter, 0.20, 0.02, "Approval-rate gap between groups"),
        new("open_audit_findings", ScorecardDimension.Risk, MetricDirection.LowerIsBetter, 10, 0, "Open audit findings"),
        new("usage_rate", ScorecardDimension.Adoption, MetricDirection.HigherIsBetter, 0.20, 0.80, "Eligible decisions using the model"),
        new("override_rate", ScorecardDimension.Adoption, MetricDirection.LowerIsBetter, 0.40, 0.05, "Recommendations overridden"),
    ];

    public static MetricReading[] Q1 =>
    [
        new("accuracy", 0.905),              // 0.7
        new("latency_p95_ms", 440),          // 0.6
        new("cost_savings", 120_000),        // 0.3
        new("time_saved_hours", 900),        // 0.45
        new("demographic_parity_gap", 0.11), // 0.5
        new("open_audit_findings", 2),       // 0.8
        new("usage_rate", 0.62),             // 0.7
        new("override_rate", 0.26),          // 0.4
    ];

    public static MetricReading[] Q2 =>
    [
        new("accuracy", 0.92),               // 0.8
        new("latency_p95_ms", 320),          // 0.8
        new("cost_savings", 180_000),        // 0.45
        new("time_saved_hours", 1_300),      // 0.65
        new("demographic_parity_gap", 0.047),// 0.85
        new("open_audit_findings", 1),       // 0.9
    ];
}
