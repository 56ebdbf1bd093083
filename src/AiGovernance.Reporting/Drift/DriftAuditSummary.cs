namespace AiGovernance.Reporting.Drift;

/// <summary>The audit chain's verification after the responses ran.</summary>
/// <param name="Valid">Whether the chain verified.</param>
/// <param name="Records">How many records were verified.</param>
public sealed record DriftAuditSummary(bool Valid, long Records);
