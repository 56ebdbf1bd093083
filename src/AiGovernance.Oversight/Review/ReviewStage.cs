namespace AiGovernance.Oversight.Review;

/// <summary>Where an <see cref="IndependentReviewSession"/> is in the protocol.</summary>
public enum ReviewStage
{
    /// <summary>The reviewer sees the case facts only; the AI's recommendation is sealed.</summary>
    AwaitingInitialJudgment = 0,

    /// <summary>The initial judgment is recorded and the recommendation revealed; the final decision is awaited.</summary>
    AwaitingFinalDecision = 1,

    /// <summary>The final decision is recorded and the review logged.</summary>
    Completed = 2,
}
