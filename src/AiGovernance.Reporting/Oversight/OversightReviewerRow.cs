namespace AiGovernance.Reporting.Oversight;

/// <summary>One reviewer's override rate.</summary>
/// <param name="Reviewer">The reviewer's id.</param>
/// <param name="Overrides">Overrides out of reviews.</param>
/// <param name="Eligible">Whether the reviewer has enough reviews to be judged.</param>
/// <param name="Flagged">Whether the reviewer almost never overrides (possible rubber-stamping).</param>
public sealed record OversightReviewerRow(string Reviewer, OversightProportion Overrides, bool Eligible, bool Flagged);
