namespace AiGovernance.Reporting.TechnicalFile;

/// <summary>A performance-gate attempt (a <c>milestone.attempt</c> audit record) in the post-market period.</summary>
/// <param name="At">When it was recorded.</param>
/// <param name="AuditSequence">The audit record.</param>
/// <param name="Milestone">The milestone, when recorded.</param>
/// <param name="Metric">The metric, when recorded.</param>
/// <param name="Estimate">The estimate, when recorded.</param>
/// <param name="Lower">The interval's lower bound, when recorded.</param>
/// <param name="Upper">The interval's upper bound, when recorded.</param>
/// <param name="Threshold">The gate threshold, when recorded.</param>
/// <param name="Verdict">The verdict, when recorded.</param>
public sealed record PostMarketPerformanceAttempt(DateTimeOffset At, long AuditSequence, string? Milestone, string? Metric, double? Estimate,
    double? Lower, double? Upper, double? Threshold, string? Verdict);
