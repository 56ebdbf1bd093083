using AiGovernance.Deployment.Canary;

namespace AiGovernance.Deployment.Tests.Canary;

/// <summary>The exact words a person reads for each check (invariant culture, every number formatted as specified).</summary>
public sealed class CanaryReasonsTests
{
    private static readonly CanaryAnalysisOptions Defaults = new();

    [Fact]
    public void Unbucketed_NamesTheCountAndHowToRecordTheAssignment()
    {
        Assert.Equal(
            "Per-unit routing, but 12 requests were recorded without a unit sub-bucket: "
            + "record the router's assignment (CanaryRecorder.Record(CanaryAssignment, ...))",
            CanaryReasons.Unbucketed(12));
    }

    [Fact]
    public void SampleRatio_PerRequest_ShowsChiSquared()
    {
        var ratio = new SampleRatioCheck(0.05, 0.1, 1052.6315789473683, 1.5e-230, Mismatch: true);

        Assert.Equal(
            "Sample ratio: candidate 10.00% of requests vs planned 5.00%, χ² = 1053, p = 1.5E-230, mismatch threshold 0.001",
            CanaryReasons.SampleRatio(ratio, 0.05, perUnit: false, Defaults));
    }

    [Fact]
    public void SampleRatio_PerUnit_CandidateShortOfPlan_ShowsANegativeClusterRobustZ()
    {
        // χ² = z² = 4, so z = −2: the candidate got less than planned.
        var ratio = new SampleRatioCheck(0.25, 0.2, 4, 0.0455, Mismatch: false);

        Assert.Equal(
            "Sample ratio: candidate 20.00% of requests vs planned 25.00%, cluster-robust z = -2.00, p = 0.0455, mismatch threshold 0.001",
            CanaryReasons.SampleRatio(ratio, 0.25, perUnit: true, Defaults));
    }

    [Fact]
    public void Design_PerUnit_SaysTheComparisonIsOverSubBuckets()
    {
        Assert.Equal(
            "Design: per-unit routing; every request of a unit goes to one arm, so the sample ratio and error rates are compared over "
            + "4096 unit sub-buckets (cluster-robust share test, delta-method variance), not over requests",
            CanaryReasons.Design(perUnit: true));
    }

    [Theory]
    [InlineData(ErrorRateTest.MixtureSequential, "always-valid (mSPRT)")]
    [InlineData(ErrorRateTest.MixtureSequentialDeltaMethod, "always-valid (mSPRT, delta-method variance over unit sub-buckets)")]
    [InlineData(ErrorRateTest.TwoProportionZTest, "two-proportion z-test")]
    [InlineData(ErrorRateTest.FisherExact, "Fisher's exact test")]
    [InlineData(ErrorRateTest.DeltaMethodZTest, "delta-method z-test over unit sub-buckets")]
    [InlineData(ErrorRateTest.UnitAllocationExact, "exact unit-allocation test (few errors)")]
    public void ErrorRate_Significant_NamesTheTestAndTheComparisonWithAlpha(ErrorRateTest test, string described)
    {
        var errorRate = new ErrorRateComparison(0.01, 0.03, 0.02, test, 8.1, 0.000123, Significant: true);

        Assert.Equal(
            $"Error rate: candidate 3.000% vs baseline 1.000% (+2.000 pp, tolerance 0.5 pp); {described} p = 0.000123 < α = 0.05 (significant)",
            CanaryReasons.ErrorRate(errorRate, Defaults));
    }

    [Fact]
    public void ErrorRate_NotSignificant_SaysSoWithGreaterOrEqual()
    {
        var errorRate = new ErrorRateComparison(0.01, 0.009, -0.001, ErrorRateTest.TwoProportionZTest, -0.7, 0.48, Significant: false);

        Assert.Equal(
            "Error rate: candidate 0.900% vs baseline 1.000% (-0.100 pp, tolerance 0.5 pp); two-proportion z-test p = 0.48 ≥ α = 0.05 "
            + "(not significant)",
            CanaryReasons.ErrorRate(errorRate, Defaults));
    }

    [Theory]
    [InlineData(true, "higher", 0.093, "0.093")]
    [InlineData(false, "lower", 0.107, "0.107")]
    public void BusinessMetric_SaysWhichDirectionIsBetterAndTheTolerance(bool higherIsBetter, string better, double candidate, string shown)
    {
        var metric = new BusinessMetric("conversion", 0.1, candidate, higherIsBetter);

        Assert.Equal(
            $"Business metric conversion: candidate {shown} vs baseline 0.1 ({better} is better), degradation 7.00% (tolerance 5%)",
            CanaryReasons.BusinessMetric(metric, Defaults));
    }

    [Fact]
    public void Explanation_IsTheDecisionAndEveryReasonOnOneLine()
    {
        var analysis = new CanaryAnalysis
        {
            Decision = CanaryDecision.Hold,
            Mode = CanaryAnalysisMode.Sequential,
            Design = AiGovernance.Deployment.Routing.RoutingDesign.PerRequest,
            BaselineRequests = 1,
            CandidateRequests = 2,
            Reasons = ["first", "second"],
        };

        Assert.Equal("Hold: first; second", analysis.Explanation);
    }
}
