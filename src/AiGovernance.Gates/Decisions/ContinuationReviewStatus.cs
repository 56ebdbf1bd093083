namespace AiGovernance.Gates.Decisions;

/// <summary>Whether a system's continuation review is due, since when, and which approvals may answer it.</summary>
/// <param name="IsDue">Whether a review is due now.</param>
/// <param name="DueAt">When the review is (or was) due: the earlier of the scheduled date and the first trigger since the last review.</param>
/// <param name="ApprovalsNotIssuedBefore">Approvals issued before this moment do not answer the review: the last review, or the
/// latest trigger when one occurred.</param>
/// <param name="Reasons">Why the review is due (interval elapsed, triggers).</param>
public readonly record struct ContinuationReviewStatus(bool IsDue, DateTimeOffset DueAt, DateTimeOffset ApprovalsNotIssuedBefore,
    IReadOnlyList<string> Reasons);
