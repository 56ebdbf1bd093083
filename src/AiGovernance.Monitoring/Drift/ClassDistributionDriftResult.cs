namespace AiGovernance.Monitoring.Drift;

/// <summary>The drift of predicted class frequencies.</summary>
public sealed record ClassDistributionDriftResult
{
    /// <summary>The classes seen in either sample, ascending.</summary>
    public IReadOnlyList<int> Classes { get; init; } = [];

    /// <summary>The reference share of each class in <see cref="Classes"/>.</summary>
    public IReadOnlyList<double> ReferenceDistribution { get; init; } = [];

    /// <summary>The current share of each class in <see cref="Classes"/>.</summary>
    public IReadOnlyList<double> CurrentDistribution { get; init; } = [];

    /// <summary>The Jensen–Shannon divergence (natural log, not its square root) between the two distributions.</summary>
    public double JensenShannonDivergence { get; init; }

    /// <summary>The population stability index over the classes.</summary>
    public double Psi { get; init; }

    /// <summary>The divergence above which the distribution drifted.</summary>
    public double Threshold { get; init; }

    /// <summary>Whether <see cref="JensenShannonDivergence"/> exceeds <see cref="Threshold"/>.</summary>
    public bool IsDrifted { get; init; }
}
