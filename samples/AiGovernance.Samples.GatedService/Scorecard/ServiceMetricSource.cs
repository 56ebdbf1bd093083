using AiGovernance.Core.Audit;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Samples.GatedService.Serving;
using AiGovernance.Scorecards;

namespace AiGovernance.Samples.GatedService.Scorecard;

/// <summary>Feeds the balanced scorecard from the service's live counters: technical (accuracy on labelled outcomes,
/// shadow agreement), business (approval rate, straight-through rate), risk (score drift PSI against the reference,
/// audit chain intact) and adoption (outcome feedback coverage, requests served). A metric without data is left out,
/// so the scorecard reports it as missing instead of scoring a guess.</summary>
public sealed class ServiceMetricSource(
    ServiceCounters counters,
    PredictionService predictions,
    LiveScores liveScores,
    ReferenceScores reference,
    PredictionDriftDetector driftDetector,
    IAuditLog auditLog) : IScorecardMetricSource
{
    public const int MinScoresForDrift = 100;

    public async ValueTask<IReadOnlyList<MetricReading>> GetReadingsAsync(MetricCollectionContext context, CancellationToken cancellationToken)
    {
        var readings = new List<MetricReading>();
        var outcomes = counters.Outcomes;
        if (outcomes > 0)
        {
            readings.Add(new MetricReading("accuracy", (double)(counters.BaselineCorrect + counters.CandidateCorrect) / outcomes));
        }

        var shadowA = predictions.CandidateInShadow.Snapshot();
        var shadowB = predictions.BaselineInShadow.Snapshot();
        var compared = shadowA.Compared + shadowB.Compared;
        if (compared > 0)
        {
            readings.Add(new MetricReading("shadow_agreement", (double)(shadowA.Agreements + shadowB.Agreements) / compared));
        }

        var requests = counters.Requests;
        if (requests > 0)
        {
            readings.Add(new MetricReading("approval_rate", 1.0 - ((double)counters.Declined / requests)));
            readings.Add(new MetricReading("straight_through_rate", 1.0 - ((double)counters.HumanReviews / requests)));
            readings.Add(new MetricReading("feedback_coverage", (double)outcomes / requests));
        }

        readings.Add(new MetricReading("requests_served", requests));

        var scores = liveScores.Snapshot();
        if (scores.Length >= MinScoresForDrift)
        {
            readings.Add(new MetricReading("score_psi", driftDetector.CompareScores(reference.Sample, scores).Psi));
        }

        var verification = await auditLog.VerifyAsync(cancellationToken);
        readings.Add(new MetricReading("audit_chain_intact", verification.IsValid ? 1.0 : 0.0));
        return readings;
    }
}
