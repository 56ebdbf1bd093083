namespace AiGovernance.Reporting.Drift;

/// <summary>One ingestion-validation finding of a window.</summary>
/// <param name="Rule">The schema rule broken (for example <c>Range</c>).</param>
/// <param name="Column">The column.</param>
/// <param name="Message">What was found.</param>
public sealed record DriftViolation(string Rule, string Column, string Message);
