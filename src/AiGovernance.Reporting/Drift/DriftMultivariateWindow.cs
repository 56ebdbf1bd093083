using AiGovernance.Core;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Reporting.Json;

namespace AiGovernance.Reporting.Drift;

/// <summary>One window compared with the reference on all columns together: PCA reconstruction error against its band, a
/// domain classifier's AUC with its interval, and the maximum mean discrepancy (MMD).</summary>
/// <remarks>A method that did not run leaves its numbers <see langword="null"/> and its verdict <see langword="null"/>, with
/// the reason in <see cref="NullReasons"/>.</remarks>
public sealed class DriftMultivariateWindow
{
    /// <summary>The window's name.</summary>
    public required string Name { get; init; }

    /// <summary>Rows of the window compared.</summary>
    public int Rows { get; init; }

    /// <summary>Whether the window drifted by the methods' joint verdict.</summary>
    public bool IsDrifted { get; init; }

    /// <summary>The joint verdict's severity.</summary>
    public Severity Severity { get; init; }

    /// <summary>How many methods found drift.</summary>
    public int DriftedMethodCount { get; init; }

    /// <summary>The window's mean PCA reconstruction error.</summary>
    public double? ReconstructionError { get; init; }

    /// <summary>The reconstruction band's lower bound for a window of this size.</summary>
    public double? ReconstructionLower { get; init; }

    /// <summary>The reconstruction band's upper bound for a window of this size.</summary>
    public double? ReconstructionUpper { get; init; }

    /// <summary>The reference's mean reconstruction error.</summary>
    public double? ReferenceMeanError { get; init; }

    /// <summary>The standard deviation of the reference chunks' mean errors.</summary>
    public double? ReferenceChunkStandardDeviation { get; init; }

    /// <summary>Whether the reconstruction error left its band.</summary>
    public bool? ReconstructionDrifted { get; init; }

    /// <summary>The domain classifier's cross-validated AUC.</summary>
    public double? ClassifierAuc { get; init; }

    /// <summary>The AUC interval's lower bound (DeLong).</summary>
    public double? ClassifierLower { get; init; }

    /// <summary>The AUC interval's upper bound (DeLong).</summary>
    public double? ClassifierUpper { get; init; }

    /// <summary>Whether the classifier told the window from the reference.</summary>
    public bool? ClassifierDrifted { get; init; }

    /// <summary>The columns the classifier leaned on most, largest share first (at most five).</summary>
    public IReadOnlyList<ColumnImportance> LeaningOn { get; init; } = [];

    /// <summary>The MMD statistic.</summary>
    public double? MmdStatistic { get; init; }

    /// <summary>The MMD permutation p-value, after correction.</summary>
    public double? MmdPValue { get; init; }

    /// <summary>Whether the MMD test found drift.</summary>
    public bool? MmdDrifted { get; init; }

    /// <summary>The detector's notes (methods skipped and why).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Why each <see langword="null"/> number is undefined; <see langword="null"/> when all are defined.</summary>
    public IReadOnlyDictionary<string, string>? NullReasons { get; init; }

    /// <summary>Takes a report of <see cref="MultivariateDriftDetector"/>.</summary>
    /// <param name="name">The window's name.</param>
    /// <param name="report">The report.</param>
    /// <returns>The window as a report shows it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public static DriftMultivariateWindow From(string name, MultivariateDriftReport report)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(report);
        var r = new NullReasons();
        var rc = report.Reconstruction;
        var c = report.DomainClassifier;
        var m = report.Mmd;
        const string NoPca = "not run: PCA reconstruction was not part of this comparison";
        const string NoClassifier = "not run: the domain classifier was not part of this comparison";
        const string NoMmd = "not run: MMD was not part of this comparison";
        return new DriftMultivariateWindow
        {
            Name = name,
            Rows = report.CurrentRowCount,
            IsDrifted = report.IsDrifted,
            Severity = report.Severity,
            DriftedMethodCount = report.DriftedMethodCount,
            ReconstructionError = r.Value(rc?.MeanError, "reconstructionError", NoPca),
            ReconstructionLower = r.Value(rc?.LowerThreshold, "reconstructionLower", NoPca),
            ReconstructionUpper = r.Value(rc?.UpperThreshold, "reconstructionUpper", NoPca),
            ReferenceMeanError = r.Value(rc?.ReferenceMean, "referenceMeanError", NoPca),
            ReferenceChunkStandardDeviation = r.Value(rc?.ReferenceChunkStandardDeviation, "referenceChunkStandardDeviation", NoPca),
            ReconstructionDrifted = rc?.IsDrifted,
            ClassifierAuc = r.Value(c?.Auc, "classifierAuc", NoClassifier),
            ClassifierLower = r.Value(c?.Lower, "classifierLower", NoClassifier),
            ClassifierUpper = r.Value(c?.Upper, "classifierUpper", NoClassifier),
            ClassifierDrifted = c?.IsDrifted,
            LeaningOn = c is null ? [] : [.. c.Importance.Where(i => double.IsFinite(i.Share)).Take(5)],
            MmdStatistic = r.Value(m?.Statistic, "mmdStatistic", NoMmd),
            MmdPValue = r.Value(m?.AdjustedPValue, "mmdPValue", NoMmd),
            MmdDrifted = m?.IsDrifted,
            Notes = report.Notes,
            NullReasons = r.Result,
        };
    }
}
