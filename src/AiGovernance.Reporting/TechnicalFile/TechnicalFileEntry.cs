namespace AiGovernance.Reporting.TechnicalFile;

/// <summary>One dated entry of a technical-file section (a gate decision, a lifecycle transition, a pipeline step, an incident).</summary>
/// <param name="At">When it happened, or <see langword="null"/> when the record carries no time.</param>
/// <param name="Subject">What it is, for example "deployment gate: allowed".</param>
/// <param name="Detail">The detail, for example the approvals behind a decision.</param>
/// <param name="Source">Where it comes from: "audit #12", "report #3", "incident register".</param>
public sealed record TechnicalFileEntry(DateTimeOffset? At, string Subject, string Detail, string Source);
