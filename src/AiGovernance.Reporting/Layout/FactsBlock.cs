namespace AiGovernance.Reporting.Layout;

/// <summary>A list of terms and values.</summary>
/// <param name="Facts">The facts.</param>
public sealed record FactsBlock(IReadOnlyList<ReportFact> Facts) : ReportBlock;
