namespace AiGovernance.Deployment.Canary;

/// <summary>The latency part of a canary analysis (milliseconds; quantiles from the histograms, within 0.39%).</summary>
/// <param name="BaselineP50">The baseline's median.</param>
/// <param name="BaselineP95">The baseline's P95.</param>
/// <param name="BaselineP99">The baseline's P99.</param>
/// <param name="CandidateP50">The candidate's median.</param>
/// <param name="CandidateP95">The candidate's P95.</param>
/// <param name="CandidateP99">The candidate's P99.</param>
/// <param name="MannWhitneyZ">The Mann–Whitney z on the histogram buckets (candidate first; positive when the candidate is slower).</param>
/// <param name="MannWhitneyPValue">The two-sided Mann–Whitney p-value (ties by bucket, tie-corrected, continuity-corrected).</param>
/// <param name="HodgesLehmannShift">The Hodges–Lehmann shift: the median of candidate-minus-baseline differences between bucket values.</param>
public readonly record struct LatencyComparison(
    double BaselineP50,
    double BaselineP95,
    double BaselineP99,
    double CandidateP50,
    double CandidateP95,
    double CandidateP99,
    double MannWhitneyZ,
    double MannWhitneyPValue,
    double HodgesLehmannShift)
{
    /// <summary>Candidate P95 minus baseline P95.</summary>
    public double P95Delta => CandidateP95 - BaselineP95;

    /// <summary>Candidate P99 minus baseline P99.</summary>
    public double P99Delta => CandidateP99 - BaselineP99;
}
