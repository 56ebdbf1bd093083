using System.Globalization;
using AiGovernance.Shared;
using AiGovernance.Statistics;

namespace AiGovernance.Deployment.Shadow;

/// <summary>Analyzes a shadow run against the shadow-mode success criteria (<see cref="ShadowCriteria"/>).</summary>
public static class ShadowAnalyzer
{
    /// <summary>Summarizes a shadow run and checks the success criteria. Fails closed: too little traffic, or a
    /// validation performance without a production value, does not pass.</summary>
    /// <param name="snapshot">What the shadow runner recorded.</param>
    /// <param name="criteria">The success criteria; defaults when null.</param>
    /// <param name="productionPerformance">The candidate's performance measured on production traffic (same metric as
    /// <see cref="ShadowCriteria.ValidationPerformance"/>), if known.</param>
    /// <returns>The analysis.</returns>
    /// <exception cref="ArgumentNullException">A snapshot in <paramref name="snapshot"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="criteria"/> holds an out-of-range value (the message lists every one).</exception>
    public static ShadowAnalysis Analyze(ShadowSnapshot snapshot, ShadowCriteria? criteria = null, double? productionPerformance = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot.Baseline, nameof(snapshot));
        ArgumentNullException.ThrowIfNull(snapshot.Candidate, nameof(snapshot));
        criteria ??= new ShadowCriteria();
        OptionsGuard.ThrowIfInvalid(criteria, nameof(criteria), ShadowCriteriaValidator.Instance);
        var failed = new List<string>();
        var passed = new List<string>();
        var requests = snapshot.Baseline.Requests;
        var runs = snapshot.Candidate.Requests;
        var volume = requests == 0 ? 0.0 : Math.Min(1.0, (double)runs / requests);
        var errorRate = snapshot.Candidate.ErrorRate;
        var baselineP95 = requests == 0 ? double.NaN : snapshot.Baseline.Latency.QuantileMilliseconds(0.95);
        var baselineP99 = requests == 0 ? double.NaN : snapshot.Baseline.Latency.QuantileMilliseconds(0.99);
        var candidateP95 = runs == 0 ? double.NaN : snapshot.Candidate.Latency.QuantileMilliseconds(0.95);
        var candidateP99 = runs == 0 ? double.NaN : snapshot.Candidate.Latency.QuantileMilliseconds(0.99);

        Check(requests >= criteria.MinRequests, F($"Volume: {requests} requests (at least {criteria.MinRequests} needed)"));
        Check(volume >= criteria.MinVolumeProcessed,
            F($"Processed: {volume * 100:0.00}% of requests shadowed, {snapshot.Skipped} skipped (at least ") +
            F($"{criteria.MinVolumeProcessed * 100:0.##}% needed)"));
        Check(runs > 0 && errorRate <= criteria.MaxCandidateErrorRate,
            F($"Candidate failures: {snapshot.Candidate.Errors} of {runs} runs ({errorRate * 100:0.000}%, {snapshot.CandidateTimeouts} timeouts; ") +
            F($"at most {criteria.MaxCandidateErrorRate * 100:0.###}% allowed)"));
        Check(candidateP95 < criteria.MaxLatencyP95.TotalMilliseconds,
            F($"Candidate latency P95 {candidateP95:F1} ms (P99 {candidateP99:F1} ms; baseline P95 {baselineP95:F1} ms, P99 {baselineP99:F1} ms) ") +
            F($"must be below {criteria.MaxLatencyP95.TotalMilliseconds:G6} ms"));
        if (criteria.ValidationPerformance is { } validation)
        {
            if (productionPerformance is { } production)
            {
                var gap = Math.Abs(production - validation) / Math.Abs(validation);
                Check(gap <= criteria.MaxPerformanceGap,
                    F($"Performance {production:G6} vs validation {validation:G6}: gap {gap * 100:0.00}% (at most ") +
                    F($"{criteria.MaxPerformanceGap * 100:0.##}%)"));
            }
            else
            {
                Check(false, F($"Performance: validation value {validation:G6} is set but no production value was supplied"));
            }
        }

        var interval = snapshot.Compared == 0 ? new Interval(0, 1) : ConfidenceInterval.Wilson(snapshot.Agreements, snapshot.Compared);
        passed.Add(F($"Agreement: {snapshot.Agreements} of {snapshot.Compared} compared outputs ({snapshot.AgreementRate * 100:0.00}%, 95% Wilson ") +
            F($"interval {interval.Lower * 100:0.00}%–{interval.Upper * 100:0.00}%)"));
        return new ShadowAnalysis
        {
            TotalRequests = requests,
            CandidateRuns = runs,
            VolumeProcessed = volume,
            Skipped = snapshot.Skipped,
            CandidateErrorRate = errorRate,
            CandidateTimeouts = snapshot.CandidateTimeouts,
            AgreementRate = snapshot.Compared == 0 ? double.NaN : snapshot.AgreementRate,
            AgreementInterval = interval,
            BaselineP95 = baselineP95,
            BaselineP99 = baselineP99,
            CandidateP95 = candidateP95,
            CandidateP99 = candidateP99,
            MeetsCriteria = failed.Count == 0,
            Reasons = [.. failed, .. passed],
        };

        void Check(bool ok, string text) => (ok ? passed : failed).Add(text);
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
