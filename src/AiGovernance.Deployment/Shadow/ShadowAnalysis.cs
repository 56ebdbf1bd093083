using AiGovernance.Statistics;

namespace AiGovernance.Deployment.Shadow;

/// <summary>The outcome of a shadow-mode analysis (latencies in milliseconds, from the histograms).</summary>
public sealed record ShadowAnalysis
{
    /// <summary>Requests served (by the baseline).</summary>
    public required long TotalRequests { get; init; }

    /// <summary>Candidate runs that finished, failed or timed out.</summary>
    public required long CandidateRuns { get; init; }

    /// <summary>Candidate runs over requests.</summary>
    public required double VolumeProcessed { get; init; }

    /// <summary>Requests not shadowed because the concurrency bound was reached.</summary>
    public required long Skipped { get; init; }

    /// <summary>Candidate failures (exceptions and timeouts) over candidate runs.</summary>
    public required double CandidateErrorRate { get; init; }

    /// <summary>Candidate runs abandoned at the timeout.</summary>
    public required long CandidateTimeouts { get; init; }

    /// <summary>Share of compared outputs that agree; NaN when nothing was compared.</summary>
    public required double AgreementRate { get; init; }

    /// <summary>The 95% Wilson interval of the agreement rate; [0, 1] when nothing was compared.</summary>
    public required Interval AgreementInterval { get; init; }

    /// <summary>The baseline's P95; NaN without traffic.</summary>
    public required double BaselineP95 { get; init; }

    /// <summary>The baseline's P99; NaN without traffic.</summary>
    public required double BaselineP99 { get; init; }

    /// <summary>The candidate's P95; NaN without runs.</summary>
    public required double CandidateP95 { get; init; }

    /// <summary>The candidate's P99; NaN without runs.</summary>
    public required double CandidateP99 { get; init; }

    /// <summary>Whether every success criterion is met.</summary>
    public required bool MeetsCriteria { get; init; }

    /// <summary>Each criterion in words with its value and threshold; failed ones first.</summary>
    public required IReadOnlyList<string> Reasons { get; init; }
}
