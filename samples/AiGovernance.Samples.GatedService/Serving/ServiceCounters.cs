using AiGovernance.Deployment.Routing;

namespace AiGovernance.Samples.GatedService.Serving;

/// <summary>Live counters of the service (lock-free), read by the scorecard and the rollout view.</summary>
public sealed class ServiceCounters
{
    private long _baselineRequests;
    private long _candidateRequests;
    private long _declined;
    private long _humanReviews;
    private long _auditSamples;
    private long _baselineOutcomes;
    private long _baselineCorrect;
    private long _candidateOutcomes;
    private long _candidateCorrect;
    private long _untracked;

    public long BaselineRequests => Interlocked.Read(ref _baselineRequests);

    public long CandidateRequests => Interlocked.Read(ref _candidateRequests);

    public long Requests => BaselineRequests + CandidateRequests;

    public long Declined => Interlocked.Read(ref _declined);

    public long HumanReviews => Interlocked.Read(ref _humanReviews);

    public long AuditSamples => Interlocked.Read(ref _auditSamples);

    public long BaselineOutcomes => Interlocked.Read(ref _baselineOutcomes);

    public long BaselineCorrect => Interlocked.Read(ref _baselineCorrect);

    public long CandidateOutcomes => Interlocked.Read(ref _candidateOutcomes);

    public long CandidateCorrect => Interlocked.Read(ref _candidateCorrect);

    public long Outcomes => BaselineOutcomes + CandidateOutcomes;

    /// <summary>Predictions served but not tracked for an outcome because the pending store was full.</summary>
    public long Untracked => Interlocked.Read(ref _untracked);

    public void Served(DeploymentVariant variant, bool declined, bool humanReview, bool auditSample)
    {
        Interlocked.Increment(ref variant == DeploymentVariant.Candidate ? ref _candidateRequests : ref _baselineRequests);
        if (declined)
        {
            Interlocked.Increment(ref _declined);
        }

        if (humanReview)
        {
            Interlocked.Increment(ref _humanReviews);
        }

        if (auditSample)
        {
            Interlocked.Increment(ref _auditSamples);
        }
    }

    public void Outcome(DeploymentVariant variant, bool correct)
    {
        if (variant == DeploymentVariant.Candidate)
        {
            Interlocked.Increment(ref _candidateOutcomes);
            if (correct)
            {
                Interlocked.Increment(ref _candidateCorrect);
            }
        }
        else
        {
            Interlocked.Increment(ref _baselineOutcomes);
            if (correct)
            {
                Interlocked.Increment(ref _baselineCorrect);
            }
        }
    }

    public void NotTracked() => Interlocked.Increment(ref _untracked);
}
