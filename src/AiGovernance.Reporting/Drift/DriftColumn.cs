using AiGovernance.Core;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Reporting.Json;
using AiGovernance.Statistics;

namespace AiGovernance.Reporting.Drift;

/// <summary>One column's comparison with its reference, as a report shows it.</summary>
/// <remarks>Undefined numbers are <see langword="null"/> with the reason in <see cref="NullReasons"/>: a column that was not
/// compared has no statistic, a distance method (normalised Wasserstein, Jensen–Shannon) has no p-value.</remarks>
public sealed class DriftColumn
{
    /// <summary>The column's name.</summary>
    public required string Column { get; init; }

    /// <summary>Numeric or categorical.</summary>
    public ColumnKind Kind { get; init; }

    /// <summary>Whether it was compared, and if not, why.</summary>
    public ColumnDriftStatus Status { get; init; }

    /// <summary>The method that judged it.</summary>
    public DriftMethod Method { get; init; }

    /// <summary>Why the method was chosen, or why the column was not compared.</summary>
    public string Reason { get; init; } = string.Empty;

    /// <summary>The method's statistic (D, χ², z or a distance).</summary>
    public double? Statistic { get; init; }

    /// <summary>The test's p-value before correction.</summary>
    public double? PValue { get; init; }

    /// <summary>The p-value after the multiple-testing correction.</summary>
    public double? AdjustedPValue { get; init; }

    /// <summary>The level or distance threshold the column was judged against.</summary>
    public double? Threshold { get; init; }

    /// <summary>The population stability index.</summary>
    public double? Psi { get; init; }

    /// <summary>The Wasserstein distance divided by the reference's standard deviation (numeric columns).</summary>
    public double? NormalizedWasserstein { get; init; }

    /// <summary>The Jensen–Shannon distance of the binned distributions.</summary>
    public double? JensenShannon { get; init; }

    /// <summary>The share of current values in categories the reference never showed (categorical columns).</summary>
    public double? UnseenShare { get; init; }

    /// <summary>Present reference values.</summary>
    public long ReferenceCount { get; init; }

    /// <summary>Present current values.</summary>
    public long CurrentCount { get; init; }

    /// <summary>The reference's share of missing values.</summary>
    public double ReferenceMissingRate { get; init; }

    /// <summary>The current window's share of missing values.</summary>
    public double CurrentMissingRate { get; init; }

    /// <summary>The p-value of the missing-rate test, before correction.</summary>
    public double? MissingRatePValue { get; init; }

    /// <summary>The p-value of the missing-rate test, after correction.</summary>
    public double? AdjustedMissingRatePValue { get; init; }

    /// <summary>Whether the distribution drifted.</summary>
    public bool DistributionDrifted { get; init; }

    /// <summary>Whether the missing rate drifted.</summary>
    public bool MissingRateDrifted { get; init; }

    /// <summary>Whether the column counts as drifted.</summary>
    public bool IsDrifted { get; init; }

    /// <summary>The column's severity.</summary>
    public Severity Severity { get; init; }

    /// <summary>Why each <see langword="null"/> number is undefined, by JSON property name; <see langword="null"/> when all are
    /// defined.</summary>
    public IReadOnlyDictionary<string, string>? NullReasons { get; init; }

    /// <summary>Takes a column result of <see cref="DataDriftDetector"/>.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The column as a report shows it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static DriftColumn From(ColumnDriftResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var reasons = new NullReasons();
        var notCompared = result.Status == ColumnDriftStatus.Compared ? null : "not computed: " + result.Reason;
        var isDistance = result.Method is DriftMethod.NormalizedWasserstein or DriftMethod.JensenShannon;
        var noP = notCompared ?? (isDistance ? $"no p-value: {result.Method} is judged by a distance threshold, not a test" : "not computed");
        return new DriftColumn
        {
            Column = result.Column,
            Kind = result.Kind,
            Status = result.Status,
            Method = result.Method,
            Reason = result.Reason,
            Statistic = reasons.Value(result.Statistic, "statistic", notCompared ?? "not computed"),
            PValue = reasons.Value(result.PValue, "pValue", noP),
            AdjustedPValue = reasons.Value(result.AdjustedPValue, "adjustedPValue", noP),
            Threshold = reasons.Value(result.Threshold, "threshold", notCompared ?? "not computed"),
            Psi = reasons.Value(result.Psi, "psi", notCompared ?? "not computed: no present values to bin"),
            NormalizedWasserstein = reasons.Value(result.NormalizedWasserstein, "normalizedWasserstein",
                notCompared ?? (result.Kind == ColumnKind.Numeric ? "not computed" : "not defined for a categorical column")),
            JensenShannon = reasons.Value(result.JensenShannon, "jensenShannon", notCompared ?? "not computed"),
            UnseenShare = reasons.Value(result.UnseenShare, "unseenShare",
                notCompared ?? "not defined: the method does not compare categories"),
            ReferenceCount = result.ReferenceCount,
            CurrentCount = result.CurrentCount,
            ReferenceMissingRate = result.ReferenceMissingRate,
            CurrentMissingRate = result.CurrentMissingRate,
            MissingRatePValue = reasons.Value(result.MissingRatePValue, "missingRatePValue",
                notCompared ?? "not computed: no missing values on either side to compare"),
            AdjustedMissingRatePValue = reasons.Value(result.AdjustedMissingRatePValue, "adjustedMissingRatePValue",
                notCompared ?? "not computed: no missing values on either side to compare"),
            DistributionDrifted = result.DistributionDrifted,
            MissingRateDrifted = result.MissingRateDrifted,
            IsDrifted = result.IsDrifted,
            Severity = result.Severity,
            NullReasons = reasons.Result,
        };
    }

    /// <summary>The column back as a <see cref="ColumnDriftResult"/> (undefined numbers as NaN), for code written against the
    /// detector's results.</summary>
    /// <returns>The result.</returns>
    public ColumnDriftResult ToResult() => new()
    {
        Column = Column,
        Kind = Kind,
        Status = Status,
        Method = Method,
        Reason = Reason,
        Statistic = Statistic ?? double.NaN,
        PValue = PValue ?? double.NaN,
        AdjustedPValue = AdjustedPValue ?? double.NaN,
        Threshold = Threshold ?? double.NaN,
        Psi = Psi ?? double.NaN,
        NormalizedWasserstein = NormalizedWasserstein ?? double.NaN,
        JensenShannon = JensenShannon ?? double.NaN,
        ReferenceCount = ReferenceCount,
        CurrentCount = CurrentCount,
        ReferenceMissingRate = ReferenceMissingRate,
        CurrentMissingRate = CurrentMissingRate,
        MissingRatePValue = MissingRatePValue ?? double.NaN,
        AdjustedMissingRatePValue = AdjustedMissingRatePValue ?? double.NaN,
        UnseenShare = UnseenShare ?? double.NaN,
        DistributionDrifted = DistributionDrifted,
        MissingRateDrifted = MissingRateDrifted,
        IsDrifted = IsDrifted,
        Severity = Severity,
    };
}
