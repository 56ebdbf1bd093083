namespace AiGovernance.Deployment.Canary;

/// <summary>How the error-rate comparison guards against repeated looks.</summary>
public enum CanaryAnalysisMode
{
    /// <summary>Always-valid p-values from the mixture sequential probability ratio test: checking as often as you like
    /// keeps false rollbacks at or below α. The default, and the right choice for automated monitors.</summary>
    Sequential = 0,

    /// <summary>A classical test (two-proportion z-test, Fisher's exact test when few errors are expected), valid for a
    /// single look at a sample size fixed in advance.</summary>
    FixedSample = 1,
}
