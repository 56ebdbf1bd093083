using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.Drift;

/// <summary>The maximum mean discrepancy between reference and current rows.</summary>
public sealed record MmdDriftResult
{
    /// <summary>The estimate of MMD² (Gaussian kernel).</summary>
    public double Statistic { get; init; }

    /// <summary>Its p-value (permutation for the unbiased estimator, normal for the linear-time one).</summary>
    public double PValue { get; init; }

    /// <summary>The kernel's σ (median heuristic).</summary>
    public double Bandwidth { get; init; }

    /// <summary>The estimator used.</summary>
    public MmdEstimator Estimator { get; init; }

    /// <summary>Permutations (0 for the linear-time estimator).</summary>
    public int Permutations { get; init; }

    /// <summary><see cref="PValue"/> after the Holm correction across the report's p-valued methods.</summary>
    public double AdjustedPValue { get; init; }

    /// <summary>The level <see cref="AdjustedPValue"/> is compared with.</summary>
    public double SignificanceLevel { get; init; }

    /// <summary>Reference rows used.</summary>
    public int ReferenceRows { get; init; }

    /// <summary>Current rows used.</summary>
    public int CurrentRows { get; init; }

    /// <summary>Whether <see cref="AdjustedPValue"/> is below <see cref="SignificanceLevel"/>.</summary>
    public bool IsDrifted { get; init; }
}
