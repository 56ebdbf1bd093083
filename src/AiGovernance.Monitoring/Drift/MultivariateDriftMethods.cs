namespace AiGovernance.Monitoring.Drift;

/// <summary>Which multivariate drift methods <see cref="MultivariateDriftDetector"/> runs.</summary>
[Flags]
public enum MultivariateDriftMethods
{
    /// <summary>None (a comparison then reports nothing).</summary>
    None = 0,

    /// <summary>PCA reconstruction error against a threshold from the reference's chunk-to-chunk variability.</summary>
    Reconstruction = 1,

    /// <summary>A cross-validated classifier that tries to tell current rows from reference rows.</summary>
    DomainClassifier = 2,

    /// <summary>Maximum mean discrepancy with a Gaussian kernel.</summary>
    MaximumMeanDiscrepancy = 4,

    /// <summary>All three.</summary>
    All = Reconstruction | DomainClassifier | MaximumMeanDiscrepancy,
}
