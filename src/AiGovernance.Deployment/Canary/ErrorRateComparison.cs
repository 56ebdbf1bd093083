namespace AiGovernance.Deployment.Canary;

/// <summary>The error-rate part of a canary analysis.</summary>
/// <param name="BaselineRate">The baseline's error rate.</param>
/// <param name="CandidateRate">The candidate's error rate.</param>
/// <param name="Difference">Candidate minus baseline, as a proportion.</param>
/// <param name="Test">The test whose p-value decides significance.</param>
/// <param name="Z">The z statistic of the difference (candidate minus baseline), reported in every mode: the pooled
/// two-proportion z for per-request routing, the delta-method z over unit sub-buckets for per-unit routing.</param>
/// <param name="PValue">The p-value used for the decision: the fixed-sample p or, in sequential mode, the always-valid p.</param>
/// <param name="Significant">Whether <paramref name="PValue"/> is below α.</param>
public readonly record struct ErrorRateComparison(
    double BaselineRate,
    double CandidateRate,
    double Difference,
    ErrorRateTest Test,
    double Z,
    double PValue,
    bool Significant);
