namespace AiGovernance.Gates.Decisions;

/// <summary>An approval kind without enough valid approvals.</summary>
/// <param name="Kind">The approval kind.</param>
/// <param name="RequiredReviewers">How many distinct reviewers it needs.</param>
/// <param name="ValidReviewers">How many valid approvals from distinct reviewers were presented.</param>
public readonly record struct MissingApproval(string Kind, int RequiredReviewers, int ValidReviewers);
