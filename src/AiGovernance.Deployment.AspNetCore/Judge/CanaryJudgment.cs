namespace AiGovernance.Deployment.AspNetCore.Judge;

/// <summary>The judge's answer body (camel-case JSON), the same for Argo Rollouts and Flagger. Argo's
/// <c>successCondition: result.proceed</c> / <c>failureCondition: result.rollback</c> read it; neither true is inconclusive.</summary>
internal sealed record CanaryJudgment(
    string Rollout,
    string Decision,
    bool Proceed,
    bool Rollback,
    bool Inconclusive,
    long BaselineRequests,
    long CandidateRequests,
    JudgmentErrorRate? ErrorRate,
    JudgmentLatency? Latency,
    JudgmentSampleRatio? SampleRatio,
    IReadOnlyList<string> Reasons);

/// <summary>Error rates and the test deciding significance.</summary>
internal sealed record JudgmentErrorRate(
    double Baseline, double Candidate, double Difference, string Test, double Z, double PValue, bool Significant);

/// <summary>Latency quantiles (milliseconds) and the Mann–Whitney comparison.</summary>
internal sealed record JudgmentLatency(double BaselineP95, double CandidateP95, double P95Delta, double MannWhitneyPValue, double HodgesLehmannShift);

/// <summary>The sample-ratio check.</summary>
internal sealed record JudgmentSampleRatio(double Planned, double Observed, double ChiSquared, double PValue, bool Mismatch);

/// <summary>An error answer (400, 413, 503).</summary>
internal sealed record JudgmentProblem(string Error);

/// <summary>The audit payload of one answer.</summary>
internal sealed record JudgedAuditPayload(
    string Controller,
    string Hook,
    string Rollout,
    string? Namespace,
    string? Checksum,
    string? Caller,
    int Status,
    string Decision,
    CanaryJudgment? Judgment,
    string? Error);
