using AiGovernance.Deployment.Recording;

namespace AiGovernance.Deployment.Shadow;

/// <summary>What a shadow run has seen so far: both variants' traffic and the agreement between their outputs.</summary>
/// <param name="Baseline">Every request the caller made: latency and baseline failures.</param>
/// <param name="Candidate">Every candidate run that finished or timed out: latency, and exceptions and timeouts as errors.</param>
/// <param name="CandidateTimeouts">Candidate runs abandoned at the timeout (also counted in <see cref="VariantSnapshot.Errors"/> of
/// <paramref name="Candidate"/>).</param>
/// <param name="Skipped">Requests not shadowed because the concurrency bound was reached.</param>
/// <param name="Compared">Pairs in which both variants succeeded and the outputs were compared.</param>
/// <param name="Agreements">Compared pairs the comparer judged equal.</param>
public readonly record struct ShadowSnapshot(
    VariantSnapshot Baseline,
    VariantSnapshot Candidate,
    long CandidateTimeouts,
    long Skipped,
    long Compared,
    long Agreements)
{
    /// <summary>Agreements / compared, or 0 when nothing was compared.</summary>
    public double AgreementRate => Compared == 0 ? 0.0 : (double)Agreements / Compared;
}
