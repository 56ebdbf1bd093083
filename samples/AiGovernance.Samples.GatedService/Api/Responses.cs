using AiGovernance.Samples.GatedService.Serving;

namespace AiGovernance.Samples.GatedService.Api;

public sealed record ModelInfo(string Name, string Version, string Digest);

public sealed record PredictResponse(
    string RequestId,
    string ApplicantId,
    string Decision,
    double ProbabilityOfDefault,
    string Variant,
    ModelInfo Model,
    string ShadowVariant,
    bool SentToReview,
    bool SelectedForAudit,
    bool AwaitingOutcome);

public sealed record OutcomeResponse(string RequestId, string Variant, bool Correct);

public sealed record ErrorRateView(double BaselineRate, double CandidateRate, double Difference, string Test, double PValue, bool Significant);

public sealed record AnalysisView(string Decision, long BaselineRequests, long CandidateRequests, ErrorRateView? ErrorRate, IReadOnlyList<string> Reasons);

public sealed record StageView(int Stage, double TrafficFraction, TimeSpan MinDuration, long MinRequestsPerVariant);

public sealed record ShadowView(long Compared, long Agreements, double AgreementRate, long CandidateErrors, long Skipped);

public sealed record GateView(bool CandidateApproved, string CandidateDigest, IReadOnlyList<string> AcceptedApprovals, IReadOnlyList<string> Reasons);

/// <summary>The rollout as <c>GET /rollout</c> and <c>POST /rollout/evaluate</c> show it. <see cref="Outcome"/> is what the
/// last evaluation did: <c>promote</c> (moved to the next stage), <c>rollback</c>, or <c>hold</c>.</summary>
public sealed record RolloutView(
    string Rollout,
    string State,
    string Outcome,
    int Stage,
    int StageCount,
    double TrafficFraction,
    DateTimeOffset StageStartedAt,
    string Reason,
    AnalysisView? LastAnalysis,
    IReadOnlyList<StageView> Plan,
    ShadowView CandidateInShadow,
    ShadowView BaselineInShadow,
    GateView Gate);

/// <summary>The body of <c>GET /reviews</c>: how many cases wait, and the oldest ones (facts only).</summary>
public sealed record ReviewQueueView(int Pending, IReadOnlyList<ReviewCase> Cases);
