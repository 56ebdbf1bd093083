namespace AiGovernance.Reporting.TechnicalFile;

/// <summary>One statement of a technical-file section, with where the library found it.</summary>
/// <param name="Label">What the statement is about, for example "Risk tier".</param>
/// <param name="Value">The value as held by the library.</param>
/// <param name="Source">Where it comes from: "model card", "classification", "audit #12", "report #3", "inventory".</param>
public sealed record TechnicalFileFact(string Label, string Value, string Source);
