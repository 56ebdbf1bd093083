namespace AiGovernance.Oversight.Analysis;

/// <summary>How reviewers' initial judgments compare with their final decisions under the two-stage protocol.</summary>
/// <param name="Reviews">All reviews (routed and audit), since both follow the protocol.</param>
/// <param name="Disagreements">Reviews whose initial judgment differed from the AI's recommendation.</param>
/// <param name="ChangedMinds">Reviews whose final decision differs from the initial judgment.</param>
/// <param name="TowardAi">Changed minds that ended at the AI's recommendation, out of all changed minds; null when none changed.</param>
public readonly record struct ChangedMindSummary(long Reviews, long Disagreements, long ChangedMinds, ProportionEstimate? TowardAi);
