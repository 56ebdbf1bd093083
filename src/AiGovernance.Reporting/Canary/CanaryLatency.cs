using AiGovernance.Deployment.Canary;
using AiGovernance.Reporting.Json;

namespace AiGovernance.Reporting.Canary;

/// <summary>The latency comparison of a canary analysis, in milliseconds.</summary>
public sealed class CanaryLatency
{
    /// <summary>Baseline P50, P95 and P99.</summary>
    public IReadOnlyList<double?> Baseline { get; init; } = [];

    /// <summary>Candidate P50, P95 and P99.</summary>
    public IReadOnlyList<double?> Candidate { get; init; } = [];

    /// <summary>The Mann–Whitney z (positive when the candidate is slower).</summary>
    public double? MannWhitneyZ { get; init; }

    /// <summary>Its two-sided p-value.</summary>
    public double? MannWhitneyPValue { get; init; }

    /// <summary>The Hodges–Lehmann shift, candidate minus baseline.</summary>
    public double? HodgesLehmannShift { get; init; }

    /// <summary>Why each <see langword="null"/> value is undefined.</summary>
    public IReadOnlyDictionary<string, string>? NullReasons { get; init; }

    /// <summary>Takes the comparison.</summary>
    /// <param name="c">The comparison.</param>
    /// <returns>The latency part of the report.</returns>
    public static CanaryLatency From(LatencyComparison c)
    {
        var r = new NullReasons();
        static double? Q(double v) => double.IsFinite(v) ? v : null;
        double?[] baseline = [Q(c.BaselineP50), Q(c.BaselineP95), Q(c.BaselineP99)];
        double?[] candidate = [Q(c.CandidateP50), Q(c.CandidateP95), Q(c.CandidateP99)];
        if (baseline.Any(v => v is null))
        {
            r.Add("baseline", "no baseline latencies recorded");
        }

        if (candidate.Any(v => v is null))
        {
            r.Add("candidate", "no candidate latencies recorded");
        }

        return new CanaryLatency
        {
            Baseline = baseline,
            Candidate = candidate,
            MannWhitneyZ = r.Value(c.MannWhitneyZ, "mannWhitneyZ", "an arm has no latencies"),
            MannWhitneyPValue = r.Value(c.MannWhitneyPValue, "mannWhitneyPValue", "an arm has no latencies"),
            HodgesLehmannShift = r.Value(c.HodgesLehmannShift, "hodgesLehmannShift", "an arm has no latencies"),
            NullReasons = r.Result,
        };
    }
}
