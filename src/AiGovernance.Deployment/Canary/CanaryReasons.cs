using System.Globalization;
using AiGovernance.Deployment.Bucketing;

namespace AiGovernance.Deployment.Canary;

/// <summary>Formats the reasons of a <see cref="CanaryAnalysis"/>: every check in words, with its values, test and threshold
/// (invariant culture). <see cref="CanaryAnalyzer"/> decides; this class only writes what it decided on.</summary>
internal static class CanaryReasons
{
    public static string SecurityIncident(string incident) => $"Security incident signalled: {incident}";

    public static string FairnessViolation(string violation) => $"Critical fairness violation signalled: {violation}";

    public static string InsufficientData(long baselineRequests, long candidateRequests, long minimum, bool perUnit)
    {
        var counted = perUnit ? " recorded with a unit sub-bucket" : string.Empty;
        return Format($"Insufficient data: baseline {baselineRequests} and candidate {candidateRequests} requests{counted}, ")
            + Format($"at least {minimum} each needed");
    }

    public static string Unbucketed(long unbucketed) =>
        Format($"Per-unit routing, but {unbucketed} requests were recorded without a unit sub-bucket: ")
        + "record the router's assignment (CanaryRecorder.Record(CanaryAssignment, ...))";

    public static string SampleRatioMismatch(string sampleRatio) => "Sample-ratio mismatch, the comparison is invalid. " + sampleRatio;

    public static string SampleRatio(SampleRatioCheck ratio, double planned, bool perUnit, CanaryAnalysisOptions options)
    {
        var statistic = perUnit
            ? Format($"cluster-robust z = {Math.Sign(ratio.ObservedCandidateFraction - planned) * Math.Sqrt(ratio.ChiSquared):F2}")
            : Format($"χ² = {ratio.ChiSquared:G4}");
        return Format($"Sample ratio: candidate {ratio.ObservedCandidateFraction * 100:0.00}% of requests ")
            + Format($"vs planned {ratio.PlannedCandidateFraction * 100:0.00}%, ")
            + Format($"{statistic}, p = {ratio.PValue:G3}, mismatch threshold {options.SampleRatioMismatchAlpha:G3}");
    }

    public static string Design(bool perUnit) => perUnit
        ? Format($"Design: per-unit routing; every request of a unit goes to one arm, so the sample ratio and error rates are ")
            + Format($"compared over {StableBucketing.SubBucketCount} unit sub-buckets (cluster-robust share test, delta-method ")
            + "variance), not over requests"
        : "Design: per-request routing; requests are independent draws (χ² sample-ratio test, two-proportion error-rate tests)";

    public static string ErrorRate(ErrorRateComparison errorRate, CanaryAnalysisOptions options) =>
        Format($"Error rate: candidate {errorRate.CandidateRate * 100:0.000}% vs baseline {errorRate.BaselineRate * 100:0.000}% ")
        + Format($"({errorRate.Difference * 100:+0.000;-0.000;0.000} pp, tolerance {options.MaxErrorRateIncrease * 100:0.###} pp); ")
        + Format($"{Describe(errorRate.Test)} p = {errorRate.PValue:G3} {(errorRate.Significant ? "<" : "≥")} α = {options.Alpha:G3} ")
        + Format($"({(errorRate.Significant ? "significant" : "not significant")})");

    public static string Latency(LatencyComparison latency, CanaryAnalysisOptions options) =>
        Format($"Latency P95: candidate {latency.CandidateP95:F1} ms vs baseline {latency.BaselineP95:F1} ms ")
        + Format($"({latency.P95Delta:+0.0;-0.0;0.0} ms, tolerance {options.MaxP95IncreaseMilliseconds:G4} ms); ")
        + Format($"P99 {latency.CandidateP99:F1} vs {latency.BaselineP99:F1} ms; ")
        + Format($"Mann–Whitney z = {latency.MannWhitneyZ:F2}, p = {latency.MannWhitneyPValue:G3}; ")
        + Format($"Hodges–Lehmann shift {latency.HodgesLehmannShift:+0.00;-0.00;0.00} ms");

    public static string BusinessMetric(BusinessMetric metric, CanaryAnalysisOptions options) =>
        Format($"Business metric {metric.Name}: candidate {metric.Candidate:G6} vs baseline {metric.Baseline:G6} ")
        + Format($"({(metric.HigherIsBetter ? "higher" : "lower")} is better), degradation {metric.RelativeDegradation * 100:0.00}% ")
        + Format($"(tolerance {options.MaxBusinessMetricDegradation * 100:0.#}%)");

    private static string Describe(ErrorRateTest test) => test switch
    {
        ErrorRateTest.MixtureSequential => "always-valid (mSPRT)",
        ErrorRateTest.FisherExact => "Fisher's exact test",
        ErrorRateTest.DeltaMethodZTest => "delta-method z-test over unit sub-buckets",
        ErrorRateTest.UnitAllocationExact => "exact unit-allocation test (few errors)",
        ErrorRateTest.MixtureSequentialDeltaMethod => "always-valid (mSPRT, delta-method variance over unit sub-buckets)",
        _ => "two-proportion z-test",
    };

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
