using AiGovernance.Core;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Validation;
using AiGovernance.Reporting.Json;
using AiGovernance.Statistics;

namespace AiGovernance.Reporting.Drift;

/// <summary>One production window compared with the reference.</summary>
public sealed class DriftWindow
{
    /// <summary>The window's name (for example "2026-08" or the current file's name).</summary>
    public required string Name { get; init; }

    /// <summary>When the window ended, when known.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? End { get; init; }

    /// <summary>Rows in the window.</summary>
    public long Rows { get; init; }

    /// <summary>Rows in the reference.</summary>
    public long ReferenceRows { get; init; }

    /// <summary>Whether the share of drifted columns reached the threshold.</summary>
    public bool DatasetDrift { get; init; }

    /// <summary>Columns compared or missing.</summary>
    public int ColumnCount { get; init; }

    /// <summary>Columns that drifted.</summary>
    public int DriftedColumnCount { get; init; }

    /// <summary>The share of columns that drifted.</summary>
    public double DriftedShare { get; init; }

    /// <summary>The share at which the window counts as dataset drift.</summary>
    public double DriftShareThreshold { get; init; }

    /// <summary>The worst column severity.</summary>
    public Severity Severity { get; init; }

    /// <summary>The largest PSI of any column.</summary>
    public double? MaxPsi { get; init; }

    /// <summary>The multiple-testing correction applied across columns.</summary>
    public MultipleTestingMethod Correction { get; init; }

    /// <summary>The significance level of the tests.</summary>
    public double SignificanceLevel { get; init; }

    /// <summary>The ingestion check of the window, when one was made.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public DriftValidation? Validation { get; init; }

    /// <summary>Every column's comparison.</summary>
    public IReadOnlyList<DriftColumn> Columns { get; init; } = [];

    /// <summary>Why each <see langword="null"/> number is undefined; <see langword="null"/> when all are defined.</summary>
    public IReadOnlyDictionary<string, string>? NullReasons { get; init; }

    /// <summary>Takes a drift report of <see cref="DataDriftDetector"/> for one window.</summary>
    /// <param name="name">The window's name.</param>
    /// <param name="report">The drift report.</param>
    /// <param name="validation">The window's ingestion check, or <see langword="null"/>.</param>
    /// <param name="end">When the window ended, or <see langword="null"/>.</param>
    /// <returns>The window as a report shows it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public static DriftWindow From(string name, DataDriftReport report, ValidationReport? validation = null, DateTimeOffset? end = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(report);
        var reasons = new NullReasons();
        return new DriftWindow
        {
            Name = name,
            End = end,
            Rows = report.CurrentRowCount,
            ReferenceRows = report.ReferenceRowCount,
            DatasetDrift = report.DatasetDrift,
            ColumnCount = report.ColumnCount,
            DriftedColumnCount = report.DriftedColumnCount,
            DriftedShare = report.DriftedShare,
            DriftShareThreshold = report.DriftShareThreshold,
            Severity = report.Severity,
            MaxPsi = report.Columns.Any(c => double.IsFinite(c.Psi))
                ? reasons.Value(report.MaxPsi, "maxPsi", "not computed")
                : reasons.Missing("maxPsi", "no column could be binned"),
            Correction = report.Correction,
            SignificanceLevel = report.SignificanceLevel,
            Validation = validation is null ? null : DriftValidation.From(validation),
            Columns = [.. report.Columns.Select(DriftColumn.From)],
            NullReasons = reasons.Result,
        };
    }

    /// <summary>The window back as a <see cref="DataDriftReport"/> (undefined numbers as NaN), for code written against the
    /// detector's reports (history charts, post-market summaries).</summary>
    /// <param name="generatedAt">When the report was made.</param>
    /// <returns>The report.</returns>
    public DataDriftReport ToDataDriftReport(DateTimeOffset generatedAt) => new()
    {
        GeneratedAt = generatedAt,
        ReferenceRowCount = (int)Math.Min(int.MaxValue, ReferenceRows),
        CurrentRowCount = (int)Math.Min(int.MaxValue, Rows),
        Correction = Correction,
        SignificanceLevel = SignificanceLevel,
        DriftShareThreshold = DriftShareThreshold,
        ColumnCount = ColumnCount,
        DriftedColumnCount = DriftedColumnCount,
        DriftedShare = DriftedShare,
        DatasetDrift = DatasetDrift,
        MaxPsi = MaxPsi ?? double.NaN,
        Severity = Severity,
        Columns = [.. Columns.Select(c => c.ToResult())],
    };
}
