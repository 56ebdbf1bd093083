namespace AiGovernance.Deployment.Canary;

/// <summary>Which test produced the error-rate p-value.</summary>
public enum ErrorRateTest
{
    /// <summary>The pooled two-proportion z-test.</summary>
    TwoProportionZTest = 0,

    /// <summary>Fisher's exact test (two-sided), used in fixed-sample mode when an arm expects fewer errors than the threshold.</summary>
    FisherExact = 1,

    /// <summary>The normal-mixture sequential probability ratio test (always-valid p-value) on request counts.</summary>
    MixtureSequential = 2,

    /// <summary>Per-unit routing, fixed-sample mode: a z-test on the difference of error rates with the delta-method
    /// variance of each arm's ratio metric over unit sub-buckets (<see cref="Statistics.RatioMetric"/>).</summary>
    DeltaMethodZTest = 3,

    /// <summary>Per-unit routing, fixed-sample mode with few expected errors (Fisher's exact test's place): the exact
    /// randomisation test of how the erring sub-bucket cells fell between the arms
    /// (<see cref="Statistics.WeightedAllocationTest"/>).</summary>
    UnitAllocationExact = 4,

    /// <summary>Per-unit routing, sequential mode: the mSPRT (always-valid p-value) on the difference of error rates with
    /// the delta-method variance over unit sub-buckets (<see cref="Statistics.MixtureSequentialTest"/>).</summary>
    MixtureSequentialDeltaMethod = 5,
}
