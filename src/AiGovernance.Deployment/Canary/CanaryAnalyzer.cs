using AiGovernance.Deployment.Recording;
using AiGovernance.Deployment.Routing;
using AiGovernance.Shared;
using AiGovernance.Statistics;

namespace AiGovernance.Deployment.Canary;

/// <summary>Compares a canary with its baseline and decides, following the staged-rollout rollback triggers (docs/background.md).</summary>
/// <remarks>
/// <para>Rules, in order:</para>
/// <list type="number">
/// <item>A signalled security incident or critical fairness violation → <see cref="CanaryDecision.RollbackImmediately"/>.</item>
/// <item>Either variant below <see cref="CanaryAnalysisOptions.MinRequestsPerVariant"/> → <see cref="CanaryDecision.Hold"/> (never a pass).</item>
/// <item>Sample-ratio mismatch (chi-squared goodness of fit of the observed split against the planned one, p below
/// <see cref="CanaryAnalysisOptions.SampleRatioMismatchAlpha"/>) → the comparison is invalid: <see cref="CanaryDecision.Hold"/>.</item>
/// <item>Error rate up by more than <see cref="CanaryAnalysisOptions.MaxErrorRateIncrease"/> and significant, P95 up by
/// more than <see cref="CanaryAnalysisOptions.MaxP95IncreaseMilliseconds"/>, or a business metric worse by more than
/// <see cref="CanaryAnalysisOptions.MaxBusinessMetricDegradation"/> → <see cref="CanaryDecision.RollbackImmediately"/>.</item>
/// <item>Error rate up by more than the tolerance but not significant → <see cref="CanaryDecision.MonitorClosely"/>.</item>
/// <item>Otherwise → <see cref="CanaryDecision.ProceedToFullRollout"/>.</item>
/// </list>
/// <para>The design (<see cref="CanaryObservation.Design"/>, from the router's configuration) decides the statistics; the
/// reasons name it.</para>
/// <para><see cref="RoutingDesign.PerRequest"/> — each request randomised on its own, so requests are independent draws.
/// Sample ratio: χ² goodness of fit of the request totals. Error rate: in <see cref="CanaryAnalysisMode.Sequential"/> mode
/// the always-valid p-value of <see cref="SequentialProportionTest"/>; in <see cref="CanaryAnalysisMode.FixedSample"/> mode
/// the pooled two-proportion z-test, or Fisher's exact test when an arm expects fewer than
/// <see cref="CanaryAnalysisOptions.FisherExpectedErrorsThreshold"/> errors.</para>
/// <para><see cref="RoutingDesign.PerUnit"/> — whole units (customers, sessions, devices) randomised, every request of a
/// unit in one arm. Requests are then clustered: heavy users send many, a failing customer fails again, and tests that
/// count requests as independent under-state the variance (healthy canaries held for a sample-ratio mismatch, healthy
/// candidates rolled back for one unlucky customer). The recorder keeps requests and errors per unit hash sub-bucket
/// (<see cref="VariantSnapshot.SubBuckets"/>, 4,096 disjoint random sets of units per arm, from hash bits independent of
/// the arm), and the analysis treats each sub-bucket as one independent cluster. Sample ratio:
/// <see cref="ClusteredShareTest"/> (candidate share of requests against the planned fraction, variance Σ(c_k − π·t_k)² over
/// sub-buckets — the randomisation variance, valid for any distribution of requests per unit). Error rate: the
/// delta-method variance of each arm's errors/requests over its sub-buckets (<see cref="RatioMetric"/>, Deng, Knoblich and
/// Lu 2018) in the z-test (<see cref="ErrorRateTest.DeltaMethodZTest"/>) and in the mSPRT
/// (<see cref="ErrorRateTest.MixtureSequentialDeltaMethod"/>); with few expected errors, in Fisher's place, the exact
/// randomisation test of which arm the erring sub-bucket cells fell in (<see cref="WeightedAllocationTest"/>,
/// <see cref="ErrorRateTest.UnitAllocationExact"/>). Assumptions: units are assigned by the hash alone; a unit's
/// behaviour does not depend on other units; a sub-bucket cell rarely holds more than one erring unit when errors are few
/// (otherwise the exact test is conservative). Requests recorded without a sub-bucket are not analysed in this design: if
/// either arm has fewer than <see cref="CanaryAnalysisOptions.MinRequestsPerVariant"/> sub-bucketed requests the
/// decision is <see cref="CanaryDecision.Hold"/>, with the reason.</para>
/// <para>Sequential mixing distribution: τ = the minimum detectable effect the rollout must catch
/// (<see cref="CanaryAnalysisOptions.MinimumDetectableEffect"/>, else the rollout plan's), never the tolerance.</para>
/// <para>Latency is compared by Mann–Whitney and the Hodges–Lehmann shift on the histogram buckets (reported, not a
/// trigger; the rank test counts requests as independent in either design, the P95 trigger is a threshold).</para>
/// <para>Cost: O(histogram buckets + sub-buckets), independent of the number of requests recorded.</para>
/// </remarks>
public static class CanaryAnalyzer
{
    /// <summary>Analyzes one window of canary traffic.</summary>
    /// <param name="observation">The traffic, planned split, business metrics and signals.</param>
    /// <param name="options">Thresholds; defaults when null.</param>
    /// <returns>The decision with its numbers and reasons.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="observation"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> holds an out-of-range value (the message lists every one).</exception>
    public static CanaryAnalysis Analyze(CanaryObservation observation, CanaryAnalysisOptions? options = null) =>
        Analyze(observation, options, planEffect: null);

    /// <summary>Analyzes with the rollout plan's minimum detectable effect as the fallback for the sequential mixture.</summary>
    internal static CanaryAnalysis Analyze(CanaryObservation observation, CanaryAnalysisOptions? options, double? planEffect)
    {
        using var activity = DeploymentTelemetry.Activities.StartActivity("aigovernance.deployment.canary.analyze");
        var analysis = AnalyzeCore(observation, options, planEffect);
        DeploymentTelemetry.TagAnalysis(activity, analysis);
        return analysis;
    }

    private static CanaryAnalysis AnalyzeCore(CanaryObservation observation, CanaryAnalysisOptions? options, double? planEffect)
    {
        ArgumentNullException.ThrowIfNull(observation);
        options ??= new CanaryAnalysisOptions();
        OptionsGuard.ThrowIfInvalid(options, nameof(options), CanaryAnalysisOptionsValidator.Instance);
        var perUnit = observation.Design == RoutingDesign.PerUnit;

        var baseline = observation.Traffic.Baseline;
        var candidate = observation.Traffic.Candidate;
        var rollback = new List<string>();
        var other = new List<string>();
        SampleRatioCheck? ratioCheck = null;
        ErrorRateComparison? errorCheck = null;
        LatencyComparison? latencyCheck = null;
        if (observation.SecurityIncident is { } incident)
        {
            rollback.Add(CanaryReasons.SecurityIncident(incident));
        }

        if (observation.FairnessViolation is { } violation)
        {
            rollback.Add(CanaryReasons.FairnessViolation(violation));
        }

        var baselineRequests = perUnit ? baseline.SubBuckets.TotalRequests : baseline.Requests;
        var candidateRequests = perUnit ? candidate.SubBuckets.TotalRequests : candidate.Requests;
        if (baselineRequests < options.MinRequestsPerVariant || candidateRequests < options.MinRequestsPerVariant)
        {
            var insufficient = CanaryReasons.InsufficientData(baselineRequests, candidateRequests, options.MinRequestsPerVariant, perUnit);
            List<string> reasons = [.. rollback, insufficient];
            var unbucketed = baseline.Requests - baselineRequests + candidate.Requests - candidateRequests;
            if (perUnit && unbucketed > 0)
            {
                reasons.Add(CanaryReasons.Unbucketed(unbucketed));
            }

            return Result(rollback.Count > 0 ? CanaryDecision.RollbackImmediately : CanaryDecision.Hold, reasons);
        }

        var planned = observation.PlannedCandidateFraction;
        var mixtureVariance = options.MixtureVarianceFor(planEffect);
        var ratio = perUnit
            ? SubBucketComparison.CheckSampleRatio(baseline.SubBuckets, candidate.SubBuckets, planned, options.SampleRatioMismatchAlpha)
            : CheckSampleRatio(baseline.Requests, candidate.Requests, planned, options.SampleRatioMismatchAlpha);
        var previous = observation.PreviousAlwaysValidPValue;
        var errorRate = perUnit
            ? SubBucketComparison.CompareErrorRates(baseline.SubBuckets, candidate.SubBuckets, options, mixtureVariance, planned, previous)
            : CompareErrorRates(baseline, candidate, options, mixtureVariance, previous);
        var latency = CompareLatency(baseline.Latency, candidate.Latency);
        (ratioCheck, errorCheck, latencyCheck) = (ratio, errorRate, latency);

        var ratioText = CanaryReasons.SampleRatio(ratio, planned, perUnit, options);
        var designText = CanaryReasons.Design(perUnit);
        var errorText = CanaryReasons.ErrorRate(errorRate, options);
        var latencyText = CanaryReasons.Latency(latency, options);

        if (ratio.Mismatch)
        {
            return Result(
                rollback.Count > 0 ? CanaryDecision.RollbackImmediately : CanaryDecision.Hold,
                [.. rollback, CanaryReasons.SampleRatioMismatch(ratioText), errorText, latencyText, designText]);
        }

        var errorUp = errorRate.Difference > options.MaxErrorRateIncrease;
        (errorUp && errorRate.Significant ? rollback : other).Add(errorText);
        (latency.P95Delta > options.MaxP95IncreaseMilliseconds ? rollback : other).Add(latencyText);
        foreach (var metric in observation.BusinessMetrics)
        {
            var text = CanaryReasons.BusinessMetric(metric, options);
            (metric.RelativeDegradation > options.MaxBusinessMetricDegradation ? rollback : other).Add(text);
        }

        other.Add(ratioText);
        other.Add(designText);
        var decision = rollback.Count > 0 ? CanaryDecision.RollbackImmediately
            : errorUp ? CanaryDecision.MonitorClosely
            : CanaryDecision.ProceedToFullRollout;
        return Result(decision, [.. rollback, .. other]);

        CanaryAnalysis Result(CanaryDecision decision, List<string> reasons) => new()
        {
            Decision = decision,
            Mode = options.Mode,
            Design = observation.Design,
            BaselineRequests = baselineRequests,
            CandidateRequests = candidateRequests,
            ErrorRate = errorCheck,
            Latency = latencyCheck,
            SampleRatio = ratioCheck,
            BusinessMetrics = observation.BusinessMetrics,
            Reasons = reasons,
        };
    }

    private static SampleRatioCheck CheckSampleRatio(long baselineRequests, long candidateRequests, double planned, double alpha)
    {
        double total = baselineRequests + candidateRequests;
        ReadOnlySpan<double> observed = [baselineRequests, candidateRequests];
        ReadOnlySpan<double> expected = [total * (1 - planned), total * planned];
        var test = ChiSquared.GoodnessOfFit(observed, expected);
        return new SampleRatioCheck(planned, candidateRequests / total, test.Statistic, test.PValue, test.PValue < alpha);
    }

    private static ErrorRateComparison CompareErrorRates(VariantSnapshot baseline, VariantSnapshot candidate, CanaryAnalysisOptions options,
        double mixtureVariance, double previousPValue)
    {
        var z = ProportionZTest.TwoSample(candidate.Errors, candidate.Requests, baseline.Errors, baseline.Requests);
        ErrorRateTest test;
        double p;
        if (options.Mode == CanaryAnalysisMode.Sequential)
        {
            test = ErrorRateTest.MixtureSequential;
            p = SequentialProportionTest.AlwaysValidPValue(
                baseline.Errors, baseline.Requests, candidate.Errors, candidate.Requests, mixtureVariance, previousPValue);
        }
        else
        {
            double pooled = (baseline.Errors + (double)candidate.Errors) / (baseline.Requests + (double)candidate.Requests);
            var fewExpected = Math.Min(pooled * baseline.Requests, pooled * candidate.Requests) < options.FisherExpectedErrorsThreshold;
            if (fewExpected && baseline.Requests + candidate.Requests <= int.MaxValue)
            {
                test = ErrorRateTest.FisherExact;
                p = FisherExact.Test(
                    candidate.Errors, candidate.Requests - candidate.Errors, baseline.Errors, baseline.Requests - baseline.Errors).PValue;
            }
            else
            {
                test = ErrorRateTest.TwoProportionZTest;
                p = z.PValue;
            }
        }

        return new ErrorRateComparison(baseline.ErrorRate, candidate.ErrorRate, candidate.ErrorRate - baseline.ErrorRate, test, z.Z, p,
            p < options.Alpha);
    }

    private static LatencyComparison CompareLatency(LatencyHistogramSnapshot baseline, LatencyHistogramSnapshot candidate)
    {
        var mannWhitney = HistogramRankTest.MannWhitney(candidate.BucketCounts, baseline.BucketCounts);
        var signedZ = mannWhitney.U >= (double)candidate.TotalCount * baseline.TotalCount / 2 ? mannWhitney.Z : -mannWhitney.Z;
        return new LatencyComparison(
            baseline.QuantileMilliseconds(0.5),
            baseline.QuantileMilliseconds(0.95),
            baseline.QuantileMilliseconds(0.99),
            candidate.QuantileMilliseconds(0.5),
            candidate.QuantileMilliseconds(0.95),
            candidate.QuantileMilliseconds(0.99),
            signedZ,
            mannWhitney.PValue,
            HistogramRankTest.HodgesLehmannShift(LatencyBuckets.Representatives, baseline.BucketCounts, candidate.BucketCounts)
                / TimeSpan.TicksPerMillisecond);
    }


}
