namespace AiGovernance.Oversight.Analysis;

/// <summary>One reviewer's override rate over their routed reviews.</summary>
/// <param name="ReviewerId">The reviewer.</param>
/// <param name="Overrides">Overrides out of the reviewer's routed reviews, with interval.</param>
/// <param name="IsEligible">Whether the reviewer has enough reviews (<see cref="OverrideAnalysisOptions.MinimumReviewsPerReviewer"/>)
/// to be flagged and to enter the rubber-stamping share and the heterogeneity test.</param>
/// <param name="IsFlagged">Whether the reviewer is eligible and overrides less often than
/// <see cref="OverrideAnalysisOptions.LowReviewerOverrideRate"/>.</param>
public readonly record struct ReviewerOverrideRate(string ReviewerId, ProportionEstimate Overrides, bool IsEligible, bool IsFlagged);
