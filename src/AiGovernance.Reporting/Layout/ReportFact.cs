namespace AiGovernance.Reporting.Layout;

/// <summary>A term and its value, for example "Artifact digest" and the digest.</summary>
/// <param name="Term">The term.</param>
/// <param name="Value">The value.</param>
/// <param name="Code">Whether the value is set as code.</param>
public sealed record ReportFact(string Term, string Value, bool Code = false);
