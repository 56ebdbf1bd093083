namespace AiGovernance.Samples.GatedService.Api;

/// <summary><c>POST /reviews/{caseId}/start</c>: who reviews the case.</summary>
public sealed record StartReviewRequest(string? ReviewerId);

/// <summary><c>POST /reviews/{caseId}/judgment</c>: the reviewer's own decision before seeing the AI's.</summary>
public sealed record InitialJudgmentRequest(string? Decision, double? Confidence);

/// <summary><c>POST /reviews/{caseId}/decision</c>: the final decision after seeing the AI's recommendation.</summary>
public sealed record FinalDecisionRequest(string? Decision);

public sealed record ReviewStartedResponse(string CaseId, string Kind, string ReviewerId, Models.CreditApplication Application, string Stage);

public sealed record JudgmentRecordedResponse(string CaseId, string AiDecision, double AiConfidence, bool Disagrees);

public sealed record ReviewCompletedResponse(string CaseId, string ReviewerId, string FinalDecision, bool IsOverride, bool ChangedMind);

internal static class ReviewDecisions
{
    public static bool IsValid(string? decision) => decision is "approve" or "decline";
}
