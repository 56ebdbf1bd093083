namespace AiGovernance.Gates.Milestones;

/// <summary>The payload of <see cref="GatesAuditEvents.MilestoneSatisfied"/>.</summary>
internal sealed record MilestoneSatisfiedAuditPayload(string Milestone, string SatisfiedBy, string Evidence);

/// <summary>The payload of <see cref="GatesAuditEvents.MilestoneAttempt"/>; numbers are written as round-trip strings
/// (<c>"R"</c>, invariant culture) so the audit record states exactly the values the gate compared.</summary>
internal sealed record MilestoneAttemptAuditPayload(
    string Milestone,
    string Metric,
    string Estimate,
    string Lower,
    string Upper,
    string Interval,
    string Threshold,
    string ConfidenceLevel,
    string SampleSize,
    string Decision,
    string Dataset,
    string Model);
