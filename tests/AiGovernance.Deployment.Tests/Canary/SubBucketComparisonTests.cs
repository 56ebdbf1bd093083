using AiGovernance.Deployment.Bucketing;
using AiGovernance.Deployment.Canary;
using AiGovernance.Deployment.Recording;

namespace AiGovernance.Deployment.Tests.Canary;

/// <summary>Per-unit comparisons over the unit sub-buckets: where the exact allocation test gives way to the delta-method
/// z-test, and the strict p &lt; α rules.</summary>
public sealed class SubBucketComparisonTests
{
    private static readonly CanaryAnalysisOptions Fixed = new() { Mode = CanaryAnalysisMode.FixedSample };

    // The exact test runs while (erring cells) × (total errors) ≤ 20,000,000. Baseline: 1,000 requests; candidate: 10 million,
    // so 5,000 errors in all are still few expected errors in the baseline (≈ 0.5) and the choice turns on the work bound.

    [Fact]
    public void FewErrors_WorkExactlyAtTheBound_UsesTheExactAllocationTest()
    {
        // 4,000 erring candidate cells × 5,000 errors = 20,000,000; the baseline has no error.
        var baseline = Counts(1000, erringCells: 0, errors: 0, firstCell: 0);
        var candidate = Counts(10_000_000, erringCells: 4000, errors: 5000, firstCell: 0);

        var comparison = SubBucketComparison.CompareErrorRates(baseline, candidate, Fixed, 1e-4, 0.5, 1.0);

        Assert.Equal(ErrorRateTest.UnitAllocationExact, comparison.Test);
    }

    [Fact]
    public void FewErrors_WorkJustAboveTheBound_UsesTheDeltaMethodZTest()
    {
        // (2 baseline + 3,999 candidate erring cells) × 5,000 errors = 20,005,000 > 20,000,000, while either arm's cells
        // alone stay within the bound: both arms' cells must be counted.
        var baseline = Counts(1000, erringCells: 2, errors: 2, firstCell: 0);
        var candidate = Counts(10_000_000, erringCells: 3999, errors: 4998, firstCell: 2);

        var comparison = SubBucketComparison.CompareErrorRates(baseline, candidate, Fixed, 1e-4, 0.5, 1.0);

        Assert.Equal(ErrorRateTest.DeltaMethodZTest, comparison.Test);
    }

    [Fact]
    public void ManyExpectedErrors_CandidateWorse_UsesTheDeltaMethodZTest()
    {
        // 100 vs 150 errors in 10,000 requests each: 125 expected errors per arm, far above the threshold of 5.
        var baseline = Counts(10_000, erringCells: 100, errors: 100, firstCell: 0);
        var candidate = Counts(10_000, erringCells: 150, errors: 150, firstCell: 0);

        var comparison = SubBucketComparison.CompareErrorRates(baseline, candidate, Fixed, 1e-4, 0.5, 1.0);

        Assert.Equal(ErrorRateTest.DeltaMethodZTest, comparison.Test);
    }

    [Fact]
    public void ExpectedErrorsExactlyAtTheThreshold_UsesTheDeltaMethodZTest()
    {
        var baseline = Counts(1000, erringCells: 5, errors: 5, firstCell: 0);
        var candidate = Counts(1000, erringCells: 5, errors: 5, firstCell: 100);
        double pooled = (5 + (double)5) / (1000 + (double)1000);
        var options = new CanaryAnalysisOptions { Mode = CanaryAnalysisMode.FixedSample, FisherExpectedErrorsThreshold = pooled * 1000 };

        var comparison = SubBucketComparison.CompareErrorRates(baseline, candidate, options, 1e-4, 0.5, 1.0);

        Assert.Equal(ErrorRateTest.DeltaMethodZTest, comparison.Test);
    }

    [Fact]
    public void ErrorRatePValueExactlyAtAlpha_IsNotSignificant()
    {
        var baseline = Counts(10_000, erringCells: 100, errors: 100, firstCell: 0);
        var candidate = Counts(10_000, erringCells: 125, errors: 125, firstCell: 0);
        var p = SubBucketComparison.CompareErrorRates(baseline, candidate, Fixed, 1e-4, 0.5, 1.0).PValue;
        Assert.InRange(p, 1e-9, 0.5);

        var atAlpha = SubBucketComparison.CompareErrorRates(
            baseline, candidate, new CanaryAnalysisOptions { Mode = CanaryAnalysisMode.FixedSample, Alpha = p }, 1e-4, 0.5, 1.0);

        Assert.False(atAlpha.Significant);
    }

    [Fact]
    public void SampleRatioPValueExactlyAtAlpha_IsNotAMismatch()
    {
        var baseline = Counts(10_000, erringCells: 0, errors: 0, firstCell: 0);
        var candidate = Counts(10_300, erringCells: 0, errors: 0, firstCell: 0);
        var p = SubBucketComparison.CheckSampleRatio(baseline, candidate, 0.5, 0.001).PValue;
        Assert.InRange(p, 1e-9, 0.5);

        Assert.False(SubBucketComparison.CheckSampleRatio(baseline, candidate, 0.5, alpha: p).Mismatch);
    }

    /// <summary>Requests spread evenly over every sub-bucket; the errors in <paramref name="erringCells"/> consecutive cells from
    /// <paramref name="firstCell"/> (one each, the remainder in the first of them).</summary>
    private static SubBucketCounts Counts(long requests, int erringCells, long errors, int firstCell)
    {
        var perBucket = new long[StableBucketing.SubBucketCount];
        var errorCounts = new long[StableBucketing.SubBucketCount];
        for (var k = 0; k < perBucket.Length; k++)
        {
            perBucket[k] = (requests / perBucket.Length) + (k < requests % perBucket.Length ? 1 : 0);
        }

        for (var c = 0; c < erringCells; c++)
        {
            var k = (firstCell + c) % perBucket.Length;
            errorCounts[k] = 1;
        }

        if (erringCells > 0)
        {
            errorCounts[firstCell] += errors - erringCells;
        }

        for (var k = 0; k < perBucket.Length; k++)
        {
            Assert.True(errorCounts[k] <= perBucket[k], "a sub-bucket cannot have more errors than requests");
        }

        return SubBucketCounts.FromCounts(perBucket, errorCounts);
    }
}
