using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.Orleans.Windows;

/// <summary>One column's statistics in a closed window, computed from the merged profile and the reference.</summary>
/// <remarks>The count-based statistics (<see cref="Psi"/>, <see cref="JensenShannon"/>, <see cref="ChiSquared"/>) use exact
/// merged counts — on the reference's bins for numeric columns, on the categories for categorical ones — so they equal the
/// values computed on the concatenated rows. <see cref="KolmogorovSmirnov"/> and <see cref="Wasserstein"/> come from the
/// window's KLL sketch against the exact reference and carry their error bound.</remarks>
public sealed record WindowColumnStatistics
{
    /// <summary>The column's name.</summary>
    public required string Column { get; init; }

    /// <summary>The column's kind.</summary>
    public ColumnKind Kind { get; init; }

    /// <summary>Present values in the window.</summary>
    public long Count { get; init; }

    /// <summary>Missing values in the window.</summary>
    public long MissingCount { get; init; }

    /// <summary>PSI on the reference's bins or categories; NaN when either side has no present value.</summary>
    public double Psi { get; init; } = double.NaN;

    /// <summary>Jensen–Shannon distance (natural log) between the bin or category distributions; NaN when not computed.</summary>
    public double JensenShannon { get; init; } = double.NaN;

    /// <summary>Pearson's chi-squared statistic of the 2 × k table of reference and window counts (bins or categories
    /// empty on both sides left out); NaN when not computed.</summary>
    public double ChiSquared { get; init; } = double.NaN;

    /// <summary>The chi-squared test's p-value; NaN when not computed.</summary>
    public double ChiSquaredPValue { get; init; } = double.NaN;

    /// <summary>The two-sample Kolmogorov–Smirnov statistic estimated from the window's sketch (numeric columns); null otherwise.</summary>
    public SketchEstimate? KolmogorovSmirnov { get; init; }

    /// <summary>The Wasserstein-1 distance estimated from the window's sketch (numeric columns); null otherwise.</summary>
    public SketchEstimate? Wasserstein { get; init; }
}
