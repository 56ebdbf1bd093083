namespace AiGovernance.Deployment.Canary;

/// <summary>Which test produced the error-rate p-value.</summary>
public enum ErrorRateTest
{
    /// <summary>The pooled two-proportion z-test.</summary>
    TwoProportionZTest = 0,

    /// <summary>Fisher's exact test (two-sided), used in fixed-sample mode when an arm expects fewer errors than the threshold.</summary>
    FisherExact = 1,

    /// <summary>The normal-mixture sequential probability ratio test (always-valid p-value).</summary>
    MixtureSequential = 2,
}
