using System.Buffers;
using AiGovernance.Deployment.Bucketing;
using AiGovernance.Deployment.Recording;
using AiGovernance.Statistics;

namespace AiGovernance.Deployment.Canary;

/// <summary>The sample-ratio check and the error-rate comparison for per-unit routing, over the unit hash sub-buckets of
/// both arms (see <see cref="CanaryAnalyzer"/> for the method and its assumptions).</summary>
internal static class SubBucketComparison
{
    /// <summary>Above this many (erring cells × total errors) the exact allocation test gives way to the delta-method z-test.</summary>
    private const long MaxExactWork = 20_000_000;

    public static SampleRatioCheck CheckSampleRatio(SubBucketCounts baseline, SubBucketCounts candidate, double planned, double alpha)
    {
        var test = ClusteredShareTest.Test(candidate.Requests, baseline.Requests, planned);
        return new SampleRatioCheck(planned, test.ObservedShare, test.Z * test.Z, test.PValue, test.PValue < alpha);
    }

    public static ErrorRateComparison CompareErrorRates(
        SubBucketCounts baseline,
        SubBucketCounts candidate,
        CanaryAnalysisOptions options,
        double mixtureVariance,
        double planned,
        double previousPValue)
    {
        var candidateRate = Estimate(candidate);
        var baselineRate = Estimate(baseline);
        var z = RatioMetric.Compare(candidateRate, baselineRate);
        ErrorRateTest test;
        double p;
        if (options.Mode == CanaryAnalysisMode.Sequential)
        {
            test = ErrorRateTest.MixtureSequentialDeltaMethod;
            p = MixtureSequentialTest.AlwaysValidPValue(z.Difference, z.Variance, mixtureVariance, previousPValue);
        }
        else if (FewExpectedErrors(baseline, candidate, options)
            && ErringCells(baseline, candidate) * (baseline.TotalErrors + candidate.TotalErrors) <= MaxExactWork)
        {
            test = ErrorRateTest.UnitAllocationExact;
            p = WeightedAllocationTest.TwoSided(candidate.Errors, baseline.Errors, planned);
        }
        else
        {
            test = ErrorRateTest.DeltaMethodZTest;
            p = z.PValue;
        }

        return new ErrorRateComparison(baselineRate.Ratio, candidateRate.Ratio, z.Difference, test, z.Z, p, p < options.Alpha);
    }

    private static RatioMetricEstimate Estimate(SubBucketCounts counts)
    {
        var errors = ArrayPool<double>.Shared.Rent(StableBucketing.SubBucketCount);
        var requests = ArrayPool<double>.Shared.Rent(StableBucketing.SubBucketCount);
        try
        {
            for (var k = 0; k < StableBucketing.SubBucketCount; k++)
            {
                errors[k] = counts.Errors[k];
                requests[k] = counts.Requests[k];
            }

            return RatioMetric.Estimate(errors.AsSpan(0, StableBucketing.SubBucketCount), requests.AsSpan(0, StableBucketing.SubBucketCount));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(errors);
            ArrayPool<double>.Shared.Return(requests);
        }
    }

    private static bool FewExpectedErrors(SubBucketCounts baseline, SubBucketCounts candidate, CanaryAnalysisOptions options)
    {
        double pooled = (baseline.TotalErrors + (double)candidate.TotalErrors) / (baseline.TotalRequests + (double)candidate.TotalRequests);
        return Math.Min(pooled * baseline.TotalRequests, pooled * candidate.TotalRequests) < options.FisherExpectedErrorsThreshold;
    }

    private static long ErringCells(SubBucketCounts baseline, SubBucketCounts candidate)
    {
        long cells = 0;
        for (var k = 0; k < StableBucketing.SubBucketCount; k++)
        {
            cells += (baseline.Errors[k] > 0 ? 1 : 0) + (candidate.Errors[k] > 0 ? 1 : 0);
        }

        return cells;
    }
}
