using AiGovernance.Core;
using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.Drift;

/// <summary>The comparison of one column with its reference.</summary>
public sealed record ColumnDriftResult
{
    /// <summary>The column's name.</summary>
    public required string Column { get; init; }

    /// <summary>The column's kind in the reference (in the current window for <see cref="ColumnDriftStatus.NotInReference"/>).</summary>
    public ColumnKind Kind { get; init; }

    /// <summary>Whether the column was compared.</summary>
    public ColumnDriftStatus Status { get; init; }

    /// <summary>The method used (<see cref="DriftMethod.Auto"/> when the column was not compared).</summary>
    public DriftMethod Method { get; init; }

    /// <summary>Why that method was used, or why the column was not compared.</summary>
    public string Reason { get; init; } = string.Empty;

    /// <summary>The method's statistic (D, χ², z or a distance); NaN when not compared.</summary>
    public double Statistic { get; init; } = double.NaN;

    /// <summary>The test's p-value before correction; NaN for distance methods.</summary>
    public double PValue { get; init; } = double.NaN;

    /// <summary>The p-value after correction across the comparison; NaN for distance methods.</summary>
    public double AdjustedPValue { get; init; } = double.NaN;

    /// <summary>The limit the statistic or adjusted p-value was judged against (the level, or the distance threshold).</summary>
    public double Threshold { get; init; } = double.NaN;

    /// <summary>Population stability index on the reference's bins (categories for categorical columns); NaN when not compared.</summary>
    public double Psi { get; init; } = double.NaN;

    /// <summary>Normalised Wasserstein distance (numeric columns); NaN otherwise.</summary>
    public double NormalizedWasserstein { get; init; } = double.NaN;

    /// <summary>Jensen–Shannon distance, natural log (categorical columns); NaN otherwise.</summary>
    public double JensenShannon { get; init; } = double.NaN;

    /// <summary>Present values in the reference.</summary>
    public long ReferenceCount { get; init; }

    /// <summary>Present values in the current window.</summary>
    public long CurrentCount { get; init; }

    /// <summary>The reference's missing rate.</summary>
    public double ReferenceMissingRate { get; init; }

    /// <summary>The current window's missing rate.</summary>
    public double CurrentMissingRate { get; init; }

    /// <summary>The two-proportion z-test p-value of the missing-rate change before correction; NaN when neither side has missing values.</summary>
    public double MissingRatePValue { get; init; } = double.NaN;

    /// <summary>The missing-rate p-value after correction; NaN when not tested.</summary>
    public double AdjustedMissingRatePValue { get; init; } = double.NaN;

    /// <summary>The share of the current present values whose category (or, for a numeric column compared over its values,
    /// whose value) the reference never holds; NaN for methods that do not compare categories.</summary>
    /// <remarks>When it is 1 — every current value is new — the distribution has drifted whatever a test says.</remarks>
    public double UnseenShare { get; init; } = double.NaN;

    /// <summary>Whether the distribution of present values drifted.</summary>
    public bool DistributionDrifted { get; init; }

    /// <summary>Whether the missing rate changed significantly and by at least the minimum change.</summary>
    public bool MissingRateDrifted { get; init; }

    /// <summary>Whether the column drifted: its distribution or its missing rate moved, or it is missing, all missing or of the wrong kind.</summary>
    public bool IsDrifted { get; init; }

    /// <summary>Severity from the PSI when drifted (see <see cref="Responses.DriftSeverityPolicy"/>); high for a missing,
    /// all-missing or mistyped column; low when not drifted.</summary>
    public Severity Severity { get; init; }
}
