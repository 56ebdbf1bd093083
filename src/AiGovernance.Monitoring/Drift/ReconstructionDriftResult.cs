namespace AiGovernance.Monitoring.Drift;

/// <summary>A window's PCA reconstruction error judged against the reference's chunk-to-chunk variability.</summary>
/// <remarks>Thresholds: with μ and s the mean and sample standard deviation of the reference chunks' out-of-sample mean
/// errors (each chunk scored by components fitted on the rest of the reference), c the
/// chunk size and m the window's row count, the window drifts when its mean error leaves μ ± z·s·√(c/m) (z =
/// <see cref="MultivariateDriftOptions.ThresholdStandardDeviations"/>): the chunk means' spread, rescaled as a mean's
/// standard error scales with 1/√rows.</remarks>
public sealed record ReconstructionDriftResult
{
    /// <summary>The window's mean reconstruction error (standardised units).</summary>
    public double MeanError { get; init; }

    /// <summary>The lower threshold for this window.</summary>
    public double LowerThreshold { get; init; }

    /// <summary>The upper threshold for this window.</summary>
    public double UpperThreshold { get; init; }

    /// <summary>The mean of the reference chunks' mean errors (μ).</summary>
    public double ReferenceMean { get; init; }

    /// <summary>The sample standard deviation of the reference chunks' mean errors (s).</summary>
    public double ReferenceChunkStandardDeviation { get; init; }

    /// <summary>Rows per reference chunk (c).</summary>
    public int ChunkSize { get; init; }

    /// <summary>Principal components kept.</summary>
    public int ComponentCount { get; init; }

    /// <summary>The share of the reference's standardised variance they explain.</summary>
    public double ExplainedVarianceRatio { get; init; }

    /// <summary>Whether <see cref="MeanError"/> is outside [<see cref="LowerThreshold"/>, <see cref="UpperThreshold"/>].</summary>
    public bool IsDrifted { get; init; }
}
