using AiGovernance.Shared;

namespace AiGovernance.Oversight.Review;

/// <summary>One completed human review: who reviewed which case, when, what they decided before and after seeing the
/// AI's recommendation, and what the AI recommended.</summary>
/// <remarks>Immutable and validated on construction, so a record in hand always has every field and timestamps in
/// order (started ≤ initial judgment ≤ final decision). Decisions are compared ordinally.</remarks>
public sealed class ReviewRecord
{
    /// <summary>Creates a record.</summary>
    /// <param name="caseId">The case's id.</param>
    /// <param name="reviewerId">The reviewer's id.</param>
    /// <param name="kind">Routed review or audit of an automated decision.</param>
    /// <param name="startedAt">When the case facts were shown to the reviewer.</param>
    /// <param name="initialJudgmentAt">When the reviewer's independent judgment was recorded.</param>
    /// <param name="finalDecisionAt">When the final decision was recorded.</param>
    /// <param name="humanInitialDecision">The reviewer's decision before seeing the AI's recommendation.</param>
    /// <param name="humanInitialConfidence">The reviewer's confidence in it, in [0, 1].</param>
    /// <param name="aiPrediction">The AI's recommended decision.</param>
    /// <param name="aiConfidence">The AI's confidence, in [0, 1].</param>
    /// <param name="finalDecision">The reviewer's final decision.</param>
    /// <exception cref="ArgumentException">An id or decision is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A confidence is outside [0, 1], <paramref name="kind"/> is undefined,
    /// or the timestamps are out of order.</exception>
    public ReviewRecord(
        string caseId,
        string reviewerId,
        ReviewKind kind,
        DateTimeOffset startedAt,
        DateTimeOffset initialJudgmentAt,
        DateTimeOffset finalDecisionAt,
        string humanInitialDecision,
        double humanInitialConfidence,
        string aiPrediction,
        double aiConfidence,
        string finalDecision)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(humanInitialDecision);
        ArgumentException.ThrowIfNullOrWhiteSpace(aiPrediction);
        ArgumentException.ThrowIfNullOrWhiteSpace(finalDecision);
        if (kind is not (ReviewKind.Routed or ReviewKind.Audit))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown review kind.");
        }

        ArgumentGuard.ThrowIfNotProbability(humanInitialConfidence);
        ArgumentGuard.ThrowIfNotProbability(aiConfidence);
        if (initialJudgmentAt < startedAt)
        {
            throw new ArgumentOutOfRangeException(nameof(initialJudgmentAt), initialJudgmentAt,
                $"The initial judgment ({initialJudgmentAt:O}) is recorded before the review started ({startedAt:O}).");
        }

        if (finalDecisionAt < initialJudgmentAt)
        {
            throw new ArgumentOutOfRangeException(nameof(finalDecisionAt), finalDecisionAt,
                $"The final decision ({finalDecisionAt:O}) is recorded before the initial judgment ({initialJudgmentAt:O}).");
        }

        CaseId = caseId;
        ReviewerId = reviewerId;
        Kind = kind;
        StartedAt = startedAt;
        InitialJudgmentAt = initialJudgmentAt;
        FinalDecisionAt = finalDecisionAt;
        HumanInitialDecision = humanInitialDecision;
        HumanInitialConfidence = humanInitialConfidence;
        AiPrediction = aiPrediction;
        AiConfidence = aiConfidence;
        FinalDecision = finalDecision;
    }

    /// <summary>The case's id.</summary>
    public string CaseId { get; }

    /// <summary>The reviewer's id.</summary>
    public string ReviewerId { get; }

    /// <summary>Routed review or audit of an automated decision.</summary>
    public ReviewKind Kind { get; }

    /// <summary>When the case facts were shown to the reviewer.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>When the reviewer's independent judgment was recorded.</summary>
    public DateTimeOffset InitialJudgmentAt { get; }

    /// <summary>When the final decision was recorded; the analysis takes hours and days from this timestamp.</summary>
    public DateTimeOffset FinalDecisionAt { get; }

    /// <summary>The reviewer's decision before seeing the AI's recommendation.</summary>
    public string HumanInitialDecision { get; }

    /// <summary>The reviewer's confidence in the initial decision, in [0, 1].</summary>
    public double HumanInitialConfidence { get; }

    /// <summary>The AI's recommended decision.</summary>
    public string AiPrediction { get; }

    /// <summary>The AI's confidence, in [0, 1].</summary>
    public double AiConfidence { get; }

    /// <summary>The reviewer's final decision.</summary>
    public string FinalDecision { get; }

    /// <summary>Whether the reviewer's independent judgment differed from the AI's recommendation.</summary>
    public bool Disagreement => !string.Equals(HumanInitialDecision, AiPrediction, StringComparison.Ordinal);

    /// <summary>Whether the final decision differs from the reviewer's initial judgment.</summary>
    public bool ChangedMind => !string.Equals(FinalDecision, HumanInitialDecision, StringComparison.Ordinal);

    /// <summary>Whether the reviewer changed their mind and ended at the AI's recommendation.</summary>
    public bool ChangedTowardAi => ChangedMind && !IsOverride;

    /// <summary>Whether the final decision differs from the AI's recommendation (an override; for an audit, an error found).</summary>
    public bool IsOverride => !string.Equals(FinalDecision, AiPrediction, StringComparison.Ordinal);
}
