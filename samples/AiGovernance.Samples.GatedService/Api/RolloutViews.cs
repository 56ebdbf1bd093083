using AiGovernance.Deployment.Rollout;
using AiGovernance.Deployment.Shadow;
using AiGovernance.Samples.GatedService.Governance;
using AiGovernance.Samples.GatedService.Models;
using AiGovernance.Samples.GatedService.Serving;

namespace AiGovernance.Samples.GatedService.Api;

internal static class RolloutViews
{
    public const string Promote = "promote";
    public const string Hold = "hold";
    public const string Rollback = "rollback";
    public const string None = "none";

    /// <summary>What an evaluation did, judged by the status before and after it.</summary>
    public static string OutcomeOf(RolloutStatus before, RolloutStatus after) =>
        after.State == RolloutState.RolledBack && before.State != RolloutState.RolledBack ? Rollback
        : after.StageIndex > before.StageIndex ? Promote
        : Hold;

    public static RolloutView Build(RolloutController controller, PredictionService predictions, CandidateDeploymentGate gate, ModelCatalog models, string outcome)
    {
        var status = controller.Status;
        var analysis = status.LastAnalysis is { } a
            ? new AnalysisView(
                a.Decision.ToString(),
                a.BaselineRequests,
                a.CandidateRequests,
                a.ErrorRate is { } e ? new ErrorRateView(e.BaselineRate, e.CandidateRate, e.Difference, e.Test.ToString(), e.PValue, e.Significant) : null,
                a.Reasons)
            : null;
        var plan = controller.Plan.Stages.Select((s, i) => new StageView(i + 1, s.TrafficFraction, s.MinDuration, s.MinRequestsPerVariant)).ToList();
        var decision = gate.Decision;
        var gateView = new GateView(
            decision?.IsAllowed == true,
            models.Candidate.Artifact.Digest.ToString(),
            decision is null ? [] : [.. decision.AcceptedApprovals.Select(x => $"{x.Kind} by {x.ReviewerId} ({x.ReviewerRole})")],
            decision?.Reasons ?? ["The candidate is not configured to be served (GatedService:ServeCandidate = false)."]);
        return new RolloutView(
            controller.Plan.Name,
            status.State.ToString(),
            outcome,
            status.StageIndex + 1,
            controller.Plan.Stages.Count,
            status.TrafficFraction,
            status.StageStartedAt,
            status.Reason,
            analysis,
            plan,
            Shadow(predictions.CandidateInShadow.Snapshot()),
            Shadow(predictions.BaselineInShadow.Snapshot()),
            gateView);
    }

    private static ShadowView Shadow(ShadowSnapshot s) => new(s.Compared, s.Agreements, s.AgreementRate, s.Candidate.Errors, s.Skipped);
}
