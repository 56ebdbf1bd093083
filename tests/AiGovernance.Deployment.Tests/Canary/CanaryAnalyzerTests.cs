using AiGovernance.Deployment.Bucketing;
using AiGovernance.Deployment.Canary;
using AiGovernance.Deployment.Recording;
using AiGovernance.Deployment.Routing;

namespace AiGovernance.Deployment.Tests.Canary;

public class CanaryAnalyzerTests
{
    private static CanaryObservation Observe(VariantSnapshot baseline, VariantSnapshot candidate, double planned = 0.5) =>
        new(new CanarySnapshot(baseline, candidate), planned);

    [Fact]
    public void HealthyCandidate_Proceeds_AndExplainsEveryCheck()
    {
        var analysis = CanaryAnalyzer.Analyze(Observe(
            SyntheticTraffic.Variant(20_000, 200, 40, seed: 1),
            SyntheticTraffic.Variant(20_000, 210, 40, seed: 2)));

        Assert.Equal(CanaryDecision.ProceedToFullRollout, analysis.Decision);
        Assert.Equal(ErrorRateTest.MixtureSequential, analysis.ErrorRate!.Value.Test);
        Assert.False(analysis.SampleRatio!.Value.Mismatch);
        Assert.Contains(analysis.Reasons, r => r.StartsWith("Error rate: candidate 1.050% vs baseline 1.000%", StringComparison.Ordinal));
        Assert.Contains(analysis.Reasons, r => r.StartsWith("Latency P95", StringComparison.Ordinal));
        Assert.Contains(analysis.Reasons, r => r.StartsWith("Sample ratio", StringComparison.Ordinal));
        Assert.StartsWith("ProceedToFullRollout: ", analysis.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CanaryAnalysisMode.Sequential)]
    [InlineData(CanaryAnalysisMode.FixedSample)]
    public void ErrorRateUpByMoreThanHalfAPointAndSignificant_RollsBack(CanaryAnalysisMode mode)
    {
        var analysis = CanaryAnalyzer.Analyze(
            Observe(SyntheticTraffic.Variant(20_000, 200, 40, 1), SyntheticTraffic.Variant(20_000, 600, 40, 2)),
            new CanaryAnalysisOptions { Mode = mode });

        Assert.Equal(CanaryDecision.RollbackImmediately, analysis.Decision);
        var errorRate = analysis.ErrorRate!.Value;
        Assert.Equal(0.02, errorRate.Difference, 12);
        Assert.True(errorRate.Significant);
        Assert.StartsWith("Error rate: candidate 3.000% vs baseline 1.000% (+2.000 pp, tolerance 0.5 pp)", analysis.Reasons[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CanaryAnalysisMode.Sequential)]
    [InlineData(CanaryAnalysisMode.FixedSample)]
    public void ErrorRateUpButNotSignificant_MonitorsClosely(CanaryAnalysisMode mode)
    {
        // 1.0% vs 1.7% on 1,000 requests each: +0.7 pp, z-test p ≈ 0.17.
        var analysis = CanaryAnalyzer.Analyze(
            Observe(SyntheticTraffic.Variant(1000, 10, 40, 1), SyntheticTraffic.Variant(1000, 17, 40, 2)),
            new CanaryAnalysisOptions { Mode = mode });

        Assert.Equal(CanaryDecision.MonitorClosely, analysis.Decision);
        Assert.False(analysis.ErrorRate!.Value.Significant);
        Assert.Contains("not significant", analysis.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorRateUpSignificantlyButWithinTolerance_Proceeds()
    {
        // 1.0% vs 1.4% on 200,000 each is significant but only +0.4 pp: within the seed's 0.5 pp tolerance.
        var analysis = CanaryAnalyzer.Analyze(
            Observe(SyntheticTraffic.Variant(200_000, 2000, 40, 1), SyntheticTraffic.Variant(200_000, 2800, 40, 2)),
            new CanaryAnalysisOptions { Mode = CanaryAnalysisMode.FixedSample });

        Assert.True(analysis.ErrorRate!.Value.Significant);
        Assert.Equal(CanaryDecision.ProceedToFullRollout, analysis.Decision);
    }

    [Fact]
    public void FixedSample_FewExpectedErrors_UsesFisherExact()
    {
        var analysis = CanaryAnalyzer.Analyze(
            Observe(SyntheticTraffic.Variant(1000, 0, 40, 1), SyntheticTraffic.Variant(1000, 3, 40, 2)),
            new CanaryAnalysisOptions { Mode = CanaryAnalysisMode.FixedSample });

        Assert.Equal(ErrorRateTest.FisherExact, analysis.ErrorRate!.Value.Test);
        // scipy.stats.fisher_exact([[0, 1000], [3, 997]]) = 0.2496248124062031 (Statistics.Tests TestData/fisher_reference.json).
        Assert.Equal(0.24962481240620307, analysis.ErrorRate.Value.PValue, 1e-9);
        Assert.Contains("Fisher's exact test", analysis.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void P95UpByMoreThanFiftyMilliseconds_RollsBack()
    {
        var analysis = CanaryAnalyzer.Analyze(Observe(
            SyntheticTraffic.Variant(5000, 50, 100, 1),
            SyntheticTraffic.Variant(5000, 50, 160, 2)));

        Assert.Equal(CanaryDecision.RollbackImmediately, analysis.Decision);
        var latency = analysis.Latency!.Value;
        Assert.True(latency.P95Delta > 50, $"P95 delta {latency.P95Delta}");
        Assert.True(latency.MannWhitneyZ > 10);
        Assert.InRange(latency.HodgesLehmannShift, 50, 70);
        Assert.StartsWith("Latency P95", analysis.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void P95UpByLessThanFiftyMilliseconds_Proceeds()
    {
        var analysis = CanaryAnalyzer.Analyze(Observe(
            SyntheticTraffic.Variant(5000, 50, 100, 1),
            SyntheticTraffic.Variant(5000, 50, 120, 2)));

        Assert.Equal(CanaryDecision.ProceedToFullRollout, analysis.Decision);
        Assert.InRange(analysis.Latency!.Value.P95Delta, 20, 50);
    }

    [Fact]
    public void BusinessMetricDownByMoreThanFivePercent_RollsBack()
    {
        var observation = Observe(SyntheticTraffic.Variant(5000, 50, 40, 1), SyntheticTraffic.Variant(5000, 50, 40, 2)) with
        {
            BusinessMetrics = [new BusinessMetric("conversion", 0.100, 0.093), new BusinessMetric("latency-complaints", 20, 20.5, higherIsBetter: false)],
        };
        var analysis = CanaryAnalyzer.Analyze(observation);

        Assert.Equal(CanaryDecision.RollbackImmediately, analysis.Decision);
        Assert.StartsWith("Business metric conversion", analysis.Reasons[0], StringComparison.Ordinal);
        Assert.Contains("degradation 7.00%", analysis.Reasons[0], StringComparison.Ordinal);
        Assert.Equal(0.025, observation.BusinessMetrics[1].RelativeDegradation, 12);
    }

    [Fact]
    public void FairnessViolationOrSecurityIncident_RollsBackEvenWithoutData()
    {
        var none = Observe(VariantSnapshot.Empty, VariantSnapshot.Empty);
        var fairness = CanaryAnalyzer.Analyze(none with { FairnessViolation = "approval-rate ratio 0.62 for group B" });
        var security = CanaryAnalyzer.Analyze(none with { SecurityIncident = "prompt-injection exfiltration INC-42" });

        Assert.Equal(CanaryDecision.RollbackImmediately, fairness.Decision);
        Assert.Contains("approval-rate ratio 0.62", fairness.Reasons[0], StringComparison.Ordinal);
        Assert.Equal(CanaryDecision.RollbackImmediately, security.Decision);
        Assert.Contains("INC-42", security.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void InsufficientData_Holds_NeverPasses()
    {
        var analysis = CanaryAnalyzer.Analyze(Observe(SyntheticTraffic.Variant(5000, 0, 40, 1), SyntheticTraffic.Variant(999, 0, 40, 2)));

        Assert.Equal(CanaryDecision.Hold, analysis.Decision);
        Assert.Null(analysis.ErrorRate);
        Assert.Equal("Insufficient data: baseline 5000 and candidate 999 requests, at least 1000 each needed", Assert.Single(analysis.Reasons));
    }

    [Fact]
    public void SampleRatioMismatch_Holds_EvenWhenTheCandidateLooksBad()
    {
        // Planned 5% canary but the candidate got 10% of requests: the split is broken, so the comparison is invalid.
        var analysis = CanaryAnalyzer.Analyze(
            Observe(SyntheticTraffic.Variant(18_000, 180, 40, 1), SyntheticTraffic.Variant(2000, 200, 40, 2), planned: 0.05));

        Assert.Equal(CanaryDecision.Hold, analysis.Decision);
        var ratio = analysis.SampleRatio!.Value;
        Assert.True(ratio.Mismatch);
        Assert.Equal(0.1, ratio.ObservedCandidateFraction, 12);
        // χ² = (18000 − 19000)²/19000 + (2000 − 1000)²/1000 = 1052.63...
        Assert.Equal(1052.6315789473683, ratio.ChiSquared, 1e-9);
        Assert.StartsWith("Sample-ratio mismatch", analysis.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void SampleRatioWithinChance_IsNotAMismatch()
    {
        var analysis = CanaryAnalyzer.Analyze(
            Observe(SyntheticTraffic.Variant(18_950, 190, 40, 1), SyntheticTraffic.Variant(1050, 10, 40, 2), planned: 0.05));

        Assert.False(analysis.SampleRatio!.Value.Mismatch);
        Assert.Equal(0.1047, analysis.SampleRatio.Value.PValue, 1e-4);
        Assert.Equal(CanaryDecision.ProceedToFullRollout, analysis.Decision);
    }

    [Fact]
    public void Sequential_CarriesThePreviousAlwaysValidPValue()
    {
        var observation = Observe(SyntheticTraffic.Variant(2000, 20, 40, 1), SyntheticTraffic.Variant(2000, 21, 40, 2)) with { PreviousAlwaysValidPValue = 0.02 };
        var analysis = CanaryAnalyzer.Analyze(observation);
        Assert.Equal(0.02, analysis.ErrorRate!.Value.PValue);
        Assert.True(analysis.ErrorRate.Value.Significant);
        Assert.Equal(CanaryDecision.ProceedToFullRollout, analysis.Decision);
    }

    /// <summary>The example: 1% → 2% over 20,000 requests per arm (z = 7.5). With τ tied to the tolerance, 0.01 pp
    /// gave an always-valid p of 0.82 (MonitorClosely); τ now follows the minimum detectable effect.</summary>
    [Theory]
    [InlineData(0.005)]
    [InlineData(0.001)]
    [InlineData(0.0001)]
    public void Sequential_StricterToleranceNeverCostsPower(double tolerance)
    {
        var analysis = CanaryAnalyzer.Analyze(
            Observe(SyntheticTraffic.Variant(20_000, 200, 40, 1), SyntheticTraffic.Variant(20_000, 400, 40, 2)),
            new CanaryAnalysisOptions { MaxErrorRateIncrease = tolerance });

        Assert.Equal(CanaryDecision.RollbackImmediately, analysis.Decision);
        // Λ with V = 0.015·0.985·(2/20,000), τ² = 0.005², θ̂ = 0.01 (TestData/request_level_reference.json, first case).
        Reference.AssertClose(5.621572819458707e-14, analysis.ErrorRate!.Value.PValue, "always-valid p");
    }

    [Fact]
    public void Sequential_MixtureFollowsTheMinimumDetectableEffect()
    {
        const double v = 0.015 * 0.985 * (2.0 / 20_000), tau2 = 0.02 * 0.02, theta = 0.01;
        var expected = 1 / (Math.Sqrt(v / (v + tau2)) * Math.Exp(tau2 * theta * theta / (2 * v * (v + tau2))));
        var analysis = CanaryAnalyzer.Analyze(
            Observe(SyntheticTraffic.Variant(20_000, 200, 40, 1), SyntheticTraffic.Variant(20_000, 400, 40, 2)),
            new CanaryAnalysisOptions { MinimumDetectableEffect = 0.02 });

        Reference.AssertClose(expected, analysis.ErrorRate!.Value.PValue, "p with τ = 2 pp", rtol: 1e-10);
    }

    [Fact]
    public void PerRequestAnalysis_SaysWhichDesignItAssumed()
    {
        var analysis = CanaryAnalyzer.Analyze(Observe(SyntheticTraffic.Variant(5000, 50, 40, 1), SyntheticTraffic.Variant(5000, 50, 40, 2)));

        Assert.Equal(RoutingDesign.PerRequest, analysis.Design);
        Assert.Contains(analysis.Reasons, r => r.StartsWith("Design: per-request routing", StringComparison.Ordinal));
    }

    [Fact]
    public void PerUnit_WithoutSubBuckets_HoldsAndSaysHowToRecord()
    {
        var observation = Observe(SyntheticTraffic.Variant(5000, 50, 40, 1), SyntheticTraffic.Variant(5000, 50, 40, 2))
            with { Design = RoutingDesign.PerUnit };

        var analysis = CanaryAnalyzer.Analyze(observation);

        Assert.Equal(CanaryDecision.Hold, analysis.Decision);
        Assert.StartsWith(
            "Insufficient data: baseline 0 and candidate 0 requests recorded with a unit sub-bucket", analysis.Reasons[0], StringComparison.Ordinal);
        Assert.Contains("10000 requests were recorded without a unit sub-bucket", analysis.Reasons[1], StringComparison.Ordinal);
    }

    [Fact]
    public void PerUnit_OneCustomerFailingFortyTimes_IsNotEvidenceEnoughForARollback()
    {
        // 10% canary. Baseline: 18,000 requests, 180 single errors. Candidate: 2,000 requests, 20 single errors plus one
        // customer who failed 40 times. Per request that is 3% vs 1% (z ≈ 8, a rollback); per unit the 40 errors are one
        // customer, and the delta-method z is about 1: watch, do not roll back.
        var baseline = UnitTraffic(18_000, 180, [], seed: 1);
        var candidate = UnitTraffic(2_000, 20, [40], seed: 2);
        var perRequest = CanaryAnalyzer.Analyze(new CanaryObservation(new CanarySnapshot(baseline, candidate), 0.1), Fixed);
        var perUnit = CanaryAnalyzer.Analyze(PerUnit(baseline, candidate, 0.1), Fixed);

        Assert.Equal(CanaryDecision.RollbackImmediately, perRequest.Decision);
        Assert.Equal(CanaryDecision.MonitorClosely, perUnit.Decision);
        Assert.Equal(ErrorRateTest.DeltaMethodZTest, perUnit.ErrorRate!.Value.Test);
        Assert.InRange(perUnit.ErrorRate.Value.Z, 0.5, 1.5);
        Assert.Equal(0.03, perUnit.ErrorRate.Value.CandidateRate, 12);
        Assert.Contains(perUnit.Reasons, r => r.StartsWith("Design: per-unit routing", StringComparison.Ordinal));
        Assert.Contains("delta-method z-test over unit sub-buckets", perUnit.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void PerUnit_FewErrors_UsesTheExactUnitAllocationTest()
    {
        // 50/50 canary, 0 baseline errors and 3 candidate errors in three sub-buckets: each erring cell is a unit that fell
        // in the candidate with probability ½, so p = P(all 3 on one side) = ¼ (Fisher's exact test on requests: 0.2496).
        var baseline = UnitTraffic(1000, 0, [], seed: 3);
        var candidate = UnitTraffic(1000, 3, [], seed: 4);
        var analysis = CanaryAnalyzer.Analyze(PerUnit(baseline, candidate, 0.5), Fixed);

        Assert.Equal(ErrorRateTest.UnitAllocationExact, analysis.ErrorRate!.Value.Test);
        Assert.Equal(0.25, analysis.ErrorRate.Value.PValue, 12);
        Assert.Contains("exact unit-allocation test", analysis.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void PerUnit_SampleRatioUsesTheClusteredShareTest()
    {
        var baseline = UnitTraffic(18_000, 180, [], seed: 5);
        var candidate = UnitTraffic(2_000, 20, [], seed: 6);
        var analysis = CanaryAnalyzer.Analyze(PerUnit(baseline, candidate, 0.1));

        var expected = Statistics.ClusteredShareTest.Test(candidate.SubBuckets.Requests, baseline.SubBuckets.Requests, 0.1);
        Assert.Equal(expected.PValue, analysis.SampleRatio!.Value.PValue);
        Assert.Equal(expected.Z * expected.Z, analysis.SampleRatio.Value.ChiSquared);
        Assert.Contains("cluster-robust z", analysis.Explanation, StringComparison.Ordinal);
        Assert.Equal(ErrorRateTest.MixtureSequentialDeltaMethod, analysis.ErrorRate!.Value.Test);
    }

    private static readonly CanaryAnalysisOptions Fixed = new() { Mode = CanaryAnalysisMode.FixedSample };

    private static CanaryObservation PerUnit(VariantSnapshot baseline, VariantSnapshot candidate, double planned) =>
        new(new CanarySnapshot(baseline, candidate), planned) { Design = RoutingDesign.PerUnit };

    /// <summary>Requests spread one per sub-bucket in turn, single errors in distinct sub-buckets, and each heavy
    /// customer's errors (and as many requests) in one further sub-bucket.</summary>
    private static VariantSnapshot UnitTraffic(int requests, int singleErrors, int[] heavyCustomers, int seed)
    {
        var perBucket = new long[StableBucketing.SubBucketCount];
        var errors = new long[StableBucketing.SubBucketCount];
        var offset = seed * 101;
        var plain = requests - heavyCustomers.Sum();
        for (var i = 0; i < plain; i++)
        {
            perBucket[(offset + i) % perBucket.Length]++;
        }

        for (var i = 0; i < singleErrors; i++)
        {
            errors[(offset + i) % perBucket.Length]++;
        }

        for (var h = 0; h < heavyCustomers.Length; h++)
        {
            var k = (offset + plain + h) % perBucket.Length;
            perBucket[k] += heavyCustomers[h];
            errors[k] += heavyCustomers[h];
        }

        var histogram = new long[LatencyHistogramSnapshot.BucketCount];
        histogram[LatencyHistogramSnapshot.BucketIndexOf(TimeSpan.FromMilliseconds(40))] = requests;
        return new VariantSnapshot(errors.Sum(), LatencyHistogramSnapshot.FromBucketCounts(histogram), SubBucketCounts.FromCounts(perBucket, errors));
    }

    [Fact]
    public void Guards()
    {
        Assert.Equal("observation", Assert.Throws<ArgumentNullException>(() => CanaryAnalyzer.Analyze(null!)).ParamName);
        var observation = Observe(VariantSnapshot.Empty, VariantSnapshot.Empty);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => CanaryAnalyzer.Analyze(observation, new CanaryAnalysisOptions { Alpha = 0 })).ParamName);
        Assert.Equal("plannedCandidateFraction", Assert.Throws<ArgumentOutOfRangeException>(() => new CanaryObservation(new CanarySnapshot(VariantSnapshot.Empty, VariantSnapshot.Empty), 1.0)).ParamName);
        Assert.Equal("baseline", Assert.Throws<ArgumentOutOfRangeException>(() => new BusinessMetric("m", 0, 1)).ParamName);
    }

    [Fact]
    public void PerUnit_InsufficientButEveryRequestBucketed_GivesOnlyTheInsufficientReason()
    {
        var analysis = CanaryAnalyzer.Analyze(PerUnit(UnitTraffic(600, 0, [], seed: 1), UnitTraffic(400, 0, [], seed: 2), 0.4));

        Assert.Equal(CanaryDecision.Hold, analysis.Decision);
        Assert.Equal(
            "Insufficient data: baseline 600 and candidate 400 requests recorded with a unit sub-bucket, at least 1000 each needed",
            Assert.Single(analysis.Reasons));
    }

    [Fact]
    public void PerUnit_InsufficientWithSomeRequestsUnbucketed_CountsThemExactly()
    {
        // Baseline: 600 requests, 500 of them with a sub-bucket; candidate: 700 requests, 400 with one. 100 + 300 unbucketed.
        var baseline = WithUnbucketed(UnitTraffic(500, 0, [], seed: 1), 100);
        var candidate = WithUnbucketed(UnitTraffic(400, 0, [], seed: 2), 300);

        var analysis = CanaryAnalyzer.Analyze(PerUnit(baseline, candidate, 0.5));

        Assert.Equal(CanaryDecision.Hold, analysis.Decision);
        Assert.Equal(500, analysis.BaselineRequests);
        Assert.Equal(400, analysis.CandidateRequests);
        Assert.Equal(CanaryReasons.Unbucketed(400), analysis.Reasons[1]);
    }

    [Fact]
    public void PerUnit_SampleRatio_ReportsTheClusteredTestNotTheRequestLevelChiSquared()
    {
        // Candidate 2,080 of 20,080 requests against a planned 10%: the χ² over requests (p ≈ 0.09) and the clustered share
        // test give different p-values; per-unit routing must report the clustered one.
        var baseline = UnitTraffic(18_000, 180, [], seed: 5);
        var candidate = UnitTraffic(2_080, 20, [], seed: 6);
        var analysis = CanaryAnalyzer.Analyze(PerUnit(baseline, candidate, 0.1));
        var clustered = Statistics.ClusteredShareTest.Test(candidate.SubBuckets.Requests, baseline.SubBuckets.Requests, 0.1);
        var overRequests = Statistics.ChiSquared.GoodnessOfFit([18_000.0, 2_080.0], [20_080 * 0.9, 20_080 * 0.1]);

        Assert.NotEqual(overRequests.PValue, clustered.PValue);
        Assert.Equal(clustered.PValue, analysis.SampleRatio!.Value.PValue);
        Assert.Equal(clustered.Z * clustered.Z, analysis.SampleRatio.Value.ChiSquared);
    }

    [Fact]
    public void SampleRatioMismatch_WithASecurityIncident_RollsBack()
    {
        var observation = Observe(SyntheticTraffic.Variant(18_000, 180, 40, 1), SyntheticTraffic.Variant(2000, 20, 40, 2), planned: 0.05)
            with { SecurityIncident = "INC-7" };

        var analysis = CanaryAnalyzer.Analyze(observation);

        Assert.Equal(CanaryDecision.RollbackImmediately, analysis.Decision);
        Assert.Equal("Security incident signalled: INC-7", analysis.Reasons[0]);
        Assert.StartsWith("Sample-ratio mismatch, the comparison is invalid. Sample ratio: candidate 10.00%", analysis.Reasons[1], StringComparison.Ordinal);
    }

    [Fact]
    public void SampleRatioPValueExactlyAtTheMismatchThreshold_IsNotAMismatch()
    {
        var observation = Observe(SyntheticTraffic.Variant(18_950, 190, 40, 1), SyntheticTraffic.Variant(1050, 10, 40, 2), planned: 0.05);
        var p = CanaryAnalyzer.Analyze(observation).SampleRatio!.Value.PValue;

        var analysis = CanaryAnalyzer.Analyze(observation, new CanaryAnalysisOptions { SampleRatioMismatchAlpha = p });

        Assert.False(analysis.SampleRatio!.Value.Mismatch);
        Assert.Equal(CanaryDecision.ProceedToFullRollout, analysis.Decision);
    }

    [Fact]
    public void ErrorRateUpExactlyByTheTolerance_AndSignificant_Proceeds()
    {
        // 0 of 10,000 vs 50 of 10,000: +0.5 pp exactly, the tolerance; only an increase above it counts.
        var analysis = CanaryAnalyzer.Analyze(
            Observe(SyntheticTraffic.Variant(10_000, 0, 40, 1), SyntheticTraffic.Variant(10_000, 50, 40, 2)),
            new CanaryAnalysisOptions { Mode = CanaryAnalysisMode.FixedSample, MaxErrorRateIncrease = 0.005 });

        Assert.Equal(0.005, analysis.ErrorRate!.Value.Difference);
        Assert.True(analysis.ErrorRate.Value.Significant);
        Assert.Equal(CanaryDecision.ProceedToFullRollout, analysis.Decision);
    }

    [Fact]
    public void ErrorRatePValueExactlyAtAlpha_IsNotSignificant()
    {
        // 1.0% vs 1.7% on 1,000 each (+0.7 pp, above the tolerance): significant would roll back, not significant monitors.
        var observation = Observe(SyntheticTraffic.Variant(1000, 10, 40, 1), SyntheticTraffic.Variant(1000, 17, 40, 2));
        var p = CanaryAnalyzer.Analyze(observation, Fixed).ErrorRate!.Value.PValue;

        var analysis = CanaryAnalyzer.Analyze(observation, new CanaryAnalysisOptions { Mode = CanaryAnalysisMode.FixedSample, Alpha = p });

        Assert.False(analysis.ErrorRate!.Value.Significant);
        Assert.Equal(CanaryDecision.MonitorClosely, analysis.Decision);
    }

    [Fact]
    public void P95UpExactlyByTheTolerance_Proceeds()
    {
        var observation = Observe(SyntheticTraffic.Variant(5000, 50, 100, 1), SyntheticTraffic.Variant(5000, 50, 120, 2));
        var delta = CanaryAnalyzer.Analyze(observation).Latency!.Value.P95Delta;

        var analysis = CanaryAnalyzer.Analyze(observation, new CanaryAnalysisOptions { MaxP95IncreaseMilliseconds = delta });

        Assert.Equal(CanaryDecision.ProceedToFullRollout, analysis.Decision);
        Assert.StartsWith("Error rate", analysis.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void BusinessMetricImproved_Proceeds()
    {
        var observation = Observe(SyntheticTraffic.Variant(5000, 50, 40, 1), SyntheticTraffic.Variant(5000, 50, 40, 2)) with
        {
            BusinessMetrics = [new BusinessMetric("conversion", 0.100, 0.120)],
        };

        var analysis = CanaryAnalyzer.Analyze(observation);

        Assert.Equal(CanaryDecision.ProceedToFullRollout, analysis.Decision);
        Assert.StartsWith("Error rate", analysis.Reasons[0], StringComparison.Ordinal);
        Assert.StartsWith("Business metric conversion", analysis.Reasons[2], StringComparison.Ordinal);
    }

    [Fact]
    public void BusinessMetricDegradedExactlyByTheTolerance_Proceeds()
    {
        var metric = new BusinessMetric("conversion", 0.100, 0.095);
        var observation = Observe(SyntheticTraffic.Variant(5000, 50, 40, 1), SyntheticTraffic.Variant(5000, 50, 40, 2)) with
        {
            BusinessMetrics = [metric],
        };

        var analysis = CanaryAnalyzer.Analyze(observation, new CanaryAnalysisOptions { MaxBusinessMetricDegradation = metric.RelativeDegradation });

        Assert.Equal(CanaryDecision.ProceedToFullRollout, analysis.Decision);
    }

    [Fact]
    public void FixedSample_ExpectedErrorsExactlyAtTheFisherThreshold_UsesTheZTest()
    {
        // 5 of 1,000 errors in each arm: 5 expected errors per arm; Fisher's test only below the threshold.
        double pooled = (5 + 5.0) / (1000 + 1000.0);
        var analysis = CanaryAnalyzer.Analyze(
            Observe(SyntheticTraffic.Variant(1000, 5, 40, 1), SyntheticTraffic.Variant(1000, 5, 40, 2)),
            new CanaryAnalysisOptions { Mode = CanaryAnalysisMode.FixedSample, FisherExpectedErrorsThreshold = pooled * 1000 });

        Assert.Equal(ErrorRateTest.TwoProportionZTest, analysis.ErrorRate!.Value.Test);
    }

    [Fact]
    public void FixedSample_FisherWithBaselineErrors_MatchesScipy()
    {
        var analysis = CanaryAnalyzer.Analyze(
            Observe(SyntheticTraffic.Variant(1000, 2, 40, 1), SyntheticTraffic.Variant(1000, 6, 40, 2)), Fixed);

        Assert.Equal(ErrorRateTest.FisherExact, analysis.ErrorRate!.Value.Test);
        // scipy.stats.fisher_exact([[6, 994], [2, 998]]).pvalue = 0.2880763992216677 (SciPy 1.10, Debian python3-scipy).
        Reference.AssertClose(0.2880763992216677, analysis.ErrorRate.Value.PValue, "Fisher p", rtol: 1e-9);
    }

    [Theory]
    [InlineData(int.MaxValue - 1000L, ErrorRateTest.FisherExact)]
    [InlineData(int.MaxValue - 999L, ErrorRateTest.TwoProportionZTest)]
    public void FixedSample_FisherOnlyWhileTheTableFitsInt32(long baselineRequests, ErrorRateTest expected)
    {
        var analysis = CanaryAnalyzer.Analyze(
            Observe(Requests(baselineRequests, 0), Requests(1000, 1)), Fixed);

        Assert.Equal(expected, analysis.ErrorRate!.Value.Test);
    }

    [Fact]
    public void FasterCandidate_HasANegativeMannWhitneyZ()
    {
        var analysis = CanaryAnalyzer.Analyze(Observe(SyntheticTraffic.Variant(5000, 50, 160, 1), SyntheticTraffic.Variant(5000, 50, 100, 2)));

        var latency = analysis.Latency!.Value;
        Assert.True(latency.MannWhitneyZ < -10, $"z {latency.MannWhitneyZ}");
        Assert.True(latency.P95Delta < -50, $"P95 delta {latency.P95Delta}");
        Assert.True(latency.P99Delta < -50, $"P99 delta {latency.P99Delta}");
        Assert.Equal(latency.CandidateP99 - latency.BaselineP99, latency.P99Delta);
    }

    [Fact]
    public void IdenticalLatencies_MannWhitneyZIsTheContinuityCorrectedNonPositiveZ()
    {
        // U₁ = n₁n₂/2 exactly: z = (U − n₁n₂/2 − ½)/σ = −½/σ, reported as is, never as a sign of a slower candidate.
        var traffic = SyntheticTraffic.Variant(2000, 20, 40, 1);
        var analysis = CanaryAnalyzer.Analyze(Observe(traffic, traffic));
        var test = Statistics.HistogramRankTest.MannWhitney(traffic.Latency.BucketCounts, traffic.Latency.BucketCounts);

        Assert.Equal(2000.0 * 2000 / 2, test.U);
        Assert.True(test.Z < 0, $"z {test.Z}");
        Assert.Equal(test.Z, analysis.Latency!.Value.MannWhitneyZ);
    }

    [Fact]
    public void Sequential_ExplicitMixtureVariance_OverridesTheMinimumDetectableEffect()
    {
        var observation = Observe(SyntheticTraffic.Variant(2000, 20, 40, 1), SyntheticTraffic.Variant(2000, 34, 40, 2));
        var byEffect = CanaryAnalyzer.Analyze(observation, new CanaryAnalysisOptions { MinimumDetectableEffect = 0.02 }).ErrorRate!.Value.PValue;
        var byDefault = CanaryAnalyzer.Analyze(observation).ErrorRate!.Value.PValue;

        var analysis = CanaryAnalyzer.Analyze(observation, new CanaryAnalysisOptions { MixtureVariance = 0.02 * 0.02, MinimumDetectableEffect = 0.001 });

        Assert.NotEqual(byDefault, byEffect, 3);
        Assert.Equal(byEffect, analysis.ErrorRate!.Value.PValue);
    }

    [Fact]
    public void Sequential_MinimumDetectableEffect_TakesPrecedenceOverThePlansEffect_WhichTakesPrecedenceOverTheDefault()
    {
        var observation = Observe(SyntheticTraffic.Variant(2000, 20, 40, 1), SyntheticTraffic.Variant(2000, 34, 40, 2));
        var effect = new CanaryAnalysisOptions { MinimumDetectableEffect = 0.02 };
        var byEffect = CanaryAnalyzer.Analyze(observation, effect).ErrorRate!.Value.PValue;
        var byDefault = CanaryAnalyzer.Analyze(observation).ErrorRate!.Value.PValue;

        Assert.NotEqual(byDefault, byEffect, 3);
        Assert.Equal(byEffect, CanaryAnalyzer.Analyze(observation, effect, planEffect: 0.001).ErrorRate!.Value.PValue);
        Assert.Equal(byEffect, CanaryAnalyzer.Analyze(observation, new CanaryAnalysisOptions(), planEffect: 0.02).ErrorRate!.Value.PValue);
    }

    [Fact]
    public void Analyze_RecordsAnActivityWithTheDecisionAndReasons()
    {
        var marker = "INC-" + Guid.NewGuid().ToString("N");
        var seen = new System.Collections.Concurrent.ConcurrentQueue<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == DeploymentTelemetry.ActivitySourceName,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) =>
                System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = seen.Enqueue,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);

        CanaryAnalyzer.Analyze(Observe(VariantSnapshot.Empty, VariantSnapshot.Empty) with { SecurityIncident = marker });

        var activity = Assert.Single(seen, a => (a.GetTagItem("aigovernance.decision.reason") as string)?.Contains(marker, StringComparison.Ordinal) == true);
        Assert.Equal("aigovernance.deployment.canary.analyze", activity.OperationName);
        Assert.NotNull(activity.GetTagItem("aigovernance.decision"));
        Assert.Equal(0L, activity.GetTagItem("aigovernance.canary.baseline.requests"));
    }

    private static VariantSnapshot Requests(long requests, long errors)
    {
        var histogram = new long[LatencyHistogramSnapshot.BucketCount];
        histogram[LatencyHistogramSnapshot.BucketIndexOf(TimeSpan.FromMilliseconds(40))] = requests;
        return new VariantSnapshot(errors, LatencyHistogramSnapshot.FromBucketCounts(histogram));
    }

    /// <summary>The snapshot with <paramref name="extra"/> more requests that carry no unit sub-bucket.</summary>
    private static VariantSnapshot WithUnbucketed(VariantSnapshot bucketed, long extra)
    {
        var histogram = bucketed.Latency.BucketCounts.ToArray();
        histogram[LatencyHistogramSnapshot.BucketIndexOf(TimeSpan.FromMilliseconds(40))] += extra;
        return new VariantSnapshot(bucketed.Errors, LatencyHistogramSnapshot.FromBucketCounts(histogram), bucketed.SubBuckets);
    }
}
