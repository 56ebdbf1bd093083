namespace AiGovernance.Oversight.Review;

/// <summary>The payload of <see cref="OversightAuditEvents.ReviewCompleted"/> and <see cref="OversightAuditEvents.AuditCompleted"/>:
/// the review as the review log stores it, plus the steps the session refused.</summary>
internal sealed record ReviewAuditPayload(
    string CaseId,
    string ReviewerId,
    string Kind,
    DateTimeOffset StartedAt,
    DateTimeOffset InitialJudgmentAt,
    DateTimeOffset FinalDecisionAt,
    string HumanInitialDecision,
    double HumanInitialConfidence,
    string AiPrediction,
    double AiConfidence,
    string FinalDecision,
    bool Disagreement,
    bool ChangedMind,
    bool ChangedTowardAi,
    bool Override,
    int RefusedSteps)
{
    public static ReviewAuditPayload From(ReviewRecord record, int refusedSteps) => new(
        record.CaseId,
        record.ReviewerId,
        record.Kind == ReviewKind.Audit ? "audit" : "routed",
        record.StartedAt,
        record.InitialJudgmentAt,
        record.FinalDecisionAt,
        record.HumanInitialDecision,
        record.HumanInitialConfidence,
        record.AiPrediction,
        record.AiConfidence,
        record.FinalDecision,
        record.Disagreement,
        record.ChangedMind,
        record.ChangedTowardAi,
        record.IsOverride,
        refusedSteps);
}
