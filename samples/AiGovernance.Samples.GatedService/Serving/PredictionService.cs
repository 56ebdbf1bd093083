using AiGovernance.Deployment;
using AiGovernance.Deployment.Recording;
using AiGovernance.Deployment.Routing;
using AiGovernance.Deployment.Shadow;
using AiGovernance.Oversight.Review;
using AiGovernance.Oversight.Routing;
using AiGovernance.Samples.GatedService.Models;
using Microsoft.Extensions.Options;

namespace AiGovernance.Samples.GatedService.Serving;

/// <summary>One prediction, as served.</summary>
public readonly record struct ServedPrediction(
    string RequestId,
    DeploymentVariant Variant,
    LogisticCreditModel Model,
    CreditScore Score,
    RoutingDecision Routing,
    bool TrackedForOutcome);

/// <summary>The request path: stable bucketing picks baseline or candidate by applicant id, a shadow runner serves the
/// chosen model and runs the other one in the background, the review router sends uncertain scores to people and samples
/// automated decisions for audit; the prediction then waits for its ground truth, which feeds the canary recorder.</summary>
public sealed class PredictionService
{
    private readonly ModelCatalog _models;
    private readonly CanaryRouter _router;
    private readonly CanaryRecorder _recorder;
    private readonly ReviewRouter _reviewRouter;
    private readonly PendingReviews _queue;
    private readonly PendingOutcomes _pending;
    private readonly ServiceCounters _counters;
    private readonly LiveScores _liveScores;
    private readonly TimeProvider _timeProvider;
    private readonly TrafficDrift _trafficDrift;

    public PredictionService(
        ModelCatalog models,
        CanaryRouter router,
        CanaryRecorder recorder,
        ReviewRouter reviewRouter,
        PendingReviews queue,
        PendingOutcomes pending,
        ServiceCounters counters,
        LiveScores liveScores,
        IOptions<DeploymentOptions> deployment,
        TimeProvider timeProvider,
        ILogger<PredictionService> logger,
        TrafficDrift trafficDrift)
    {
        _trafficDrift = trafficDrift;
        _models = models;
        _router = router;
        _recorder = recorder;
        _reviewRouter = reviewRouter;
        _queue = queue;
        _pending = pending;
        _counters = counters;
        _liveScores = liveScores;
        _timeProvider = timeProvider;
        var baseline = Serve(models.Baseline);
        var candidate = Serve(models.Candidate);
        CandidateInShadow = new ShadowRunner<CreditApplication, CreditScore>(baseline, candidate, deployment.Value.Shadow, SameDecision.Instance, timeProvider, logger);
        BaselineInShadow = new ShadowRunner<CreditApplication, CreditScore>(candidate, baseline, deployment.Value.Shadow, SameDecision.Instance, timeProvider, logger);
    }

    /// <summary>Serves the baseline, shadows the candidate (the usual case while the canary is small).</summary>
    public ShadowRunner<CreditApplication, CreditScore> CandidateInShadow { get; }

    /// <summary>Serves the candidate, shadows the baseline (canary traffic).</summary>
    public ShadowRunner<CreditApplication, CreditScore> BaselineInShadow { get; }

    public double CandidateTrafficFraction => _router.TrafficFraction;

    /// <summary>Serves one prediction, or returns null when the request id is already being served or awaiting its outcome.</summary>
    /// <remarks>The id is claimed before anything happens, so concurrent requests with one id are served once: one
    /// routing, one shadow run, one review-queue entry, one count.</remarks>
    public async ValueTask<ServedPrediction?> TryPredictAsync(CreditApplication application, string requestId, CancellationToken cancellationToken)
    {
        if (!_pending.TryClaim(requestId))
        {
            return null;
        }

        try
        {
            return await PredictAsync(application, requestId, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _pending.Release(requestId);
            throw;
        }
    }

    private async ValueTask<ServedPrediction> PredictAsync(CreditApplication application, string requestId, CancellationToken cancellationToken)
    {
        var start = _timeProvider.GetTimestamp();
        var assignment = _router.Assign(application.ApplicantId);
        var variant = assignment.Variant;
        var runner = variant == DeploymentVariant.Candidate ? BaselineInShadow : CandidateInShadow;
        var score = await runner.RunAsync(application, cancellationToken);
        var latency = _timeProvider.GetElapsedTime(start);

        Span<double> probabilities = [1.0 - score.ProbabilityOfDefault, score.ProbabilityOfDefault];
        var routing = _reviewRouter.Route(requestId, probabilities);
        var model = _models.Get(variant);
        if (routing.RequiresHumanReview || routing.SelectedForAudit)
        {
            _queue.Enqueue(
                new ReviewCase(requestId, routing.RequiresHumanReview ? PendingReviews.HumanReview : PendingReviews.Audit, application,
                    model.Artifact.Version, _timeProvider.GetUtcNow()),
                new AiRecommendation(score.Decision, routing.Confidence));
        }

        _counters.Served(variant, score.Declined, routing.RequiresHumanReview, routing.SelectedForAudit);
        _liveScores.Add(score.ProbabilityOfDefault);
        _trafficDrift.Record(application);
        var tracked = _pending.Track(requestId, new PendingPrediction(assignment, score.Declined, latency));
        if (!tracked)
        {
            _counters.NotTracked();
        }

        return new ServedPrediction(requestId, variant, model, score, routing, tracked);
    }

    /// <summary>Records the ground truth of a served prediction into the canary recorder: an error is a decline of an
    /// applicant who repaid or an approval of one who defaulted. Returns null when the request is unknown or already
    /// has its outcome.</summary>
    public (DeploymentVariant Variant, bool Correct)? RecordOutcome(string requestId, bool defaulted)
    {
        if (!_pending.TryTake(requestId, out var prediction))
        {
            return null;
        }

        var correct = prediction.Declined == defaulted;
        _recorder.Record(prediction.Assignment, prediction.Latency, isError: !correct);
        _counters.Outcome(prediction.Variant, correct);
        return (prediction.Variant, correct);
    }

    private static Func<CreditApplication, CancellationToken, ValueTask<CreditScore>> Serve(LogisticCreditModel model) =>
        (application, _) => ValueTask.FromResult(model.Score(application));

    /// <summary>Shadow outputs agree when they lead to the same decision.</summary>
    private sealed class SameDecision : IEqualityComparer<CreditScore>
    {
        public static readonly SameDecision Instance = new();

        public bool Equals(CreditScore x, CreditScore y) => x.Declined == y.Declined;

        public int GetHashCode(CreditScore obj) => obj.Declined.GetHashCode();
    }
}
