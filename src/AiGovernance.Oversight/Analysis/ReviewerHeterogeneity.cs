namespace AiGovernance.Oversight.Analysis;

/// <summary>A chi-squared test of whether override rates differ across reviewers (eligible reviewers × override/agree table).</summary>
/// <param name="Reviewers">The reviewers in the table.</param>
/// <param name="Statistic">The Pearson statistic (Yates-corrected when there are two reviewers).</param>
/// <param name="DegreesOfFreedom">Reviewers − 1.</param>
/// <param name="PValue">The p-value; small values mean reviewers override at different rates.</param>
public readonly record struct ReviewerHeterogeneity(int Reviewers, double Statistic, int DegreesOfFreedom, double PValue);
