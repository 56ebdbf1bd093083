using System.Text.Json.Serialization;
using AiGovernance.Core;
using AiGovernance.Core.Reports;
using AiGovernance.Monitoring.Fairness;
using AiGovernance.Reporting.Layout;
using AiGovernance.Statistics;

namespace AiGovernance.Reporting.Fairness;

/// <summary>A fairness report for one sensitive attribute: every group's selection, true- and false-positive rates with
/// Wilson intervals, the parity measures with their bootstrap intervals, and the limits that were breached.</summary>
/// <remarks>Sections: <c>summary</c>, <c>selection-rates</c> (interval chart against the overall rate),
/// <c>error-rates</c> (true- and false-positive rates by group), <c>groups</c> (table), <c>parity</c> (table of the
/// measures with intervals), <c>findings</c> (violations and warnings).</remarks>
public sealed class FairnessReportDocument : ReportDocument
{
    /// <inheritdoc />
    public override string Kind => GovernanceReportKinds.Fairness;

    /// <summary>The sensitive attribute, for example "gender".</summary>
    public required string Attribute { get; init; }

    /// <summary>The group the others are compared with (highest selection rate unless chosen).</summary>
    public required string ReferenceGroup { get; init; }

    /// <summary>The confidence level of the intervals.</summary>
    public double ConfidenceLevel { get; init; }

    /// <summary>Every case.</summary>
    public required EstimateWithInterval OverallSelectionRate { get; init; }

    /// <summary>The groups, largest first.</summary>
    public required IReadOnlyList<FairnessGroupRow> Groups { get; init; }

    /// <summary>The largest difference in selection rates.</summary>
    public required EstimateWithInterval DemographicParityDifference { get; init; }

    /// <summary>The larger of the largest true-positive-rate and false-positive-rate differences.</summary>
    public required EstimateWithInterval EqualizedOddsDifference { get; init; }

    /// <summary>The largest difference in true-positive rates.</summary>
    public required EstimateWithInterval EqualOpportunityDifference { get; init; }

    /// <summary>The smallest selection-rate ratio to the reference group.</summary>
    public required EstimateWithInterval DisparateImpactRatio { get; init; }

    /// <summary>Whether every group's ratio is at least 0.8.</summary>
    public bool SatisfiesFourFifthsRule { get; init; }

    /// <summary>The chi-squared p-value of "selection is independent of the group".</summary>
    public double? SelectionIndependencePValue { get; init; }

    /// <summary>The limits breached, when limits were checked.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<FairnessViolationRow>? Violations { get; init; }

    /// <summary>The severity of a breach, when limits were checked.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Severity? ViolationSeverity { get; init; }

    /// <summary>Warnings (small groups, undefined ratios).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Why each <see langword="null"/> value is undefined.</summary>
    public IReadOnlyDictionary<string, string>? NullReasons { get; init; }

    /// <summary>Takes a fairness report of <see cref="FairnessMetrics"/> and, optionally, the limits check of
    /// <see cref="FairnessMonitor"/> for the same data.</summary>
    /// <param name="systemName">The AI system; the report is titled with it.</param>
    /// <param name="attribute">The sensitive attribute.</param>
    /// <param name="report">The fairness metrics.</param>
    /// <param name="monitoring">The limits check, or <see langword="null"/>.</param>
    /// <param name="generatedAt">When the report was made.</param>
    /// <param name="options">The options the metrics were computed with (their confidence level is the one of the Wilson
    /// intervals when no bootstrap ran); the defaults when <see langword="null"/>.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="systemName"/> or <paramref name="attribute"/> is empty.</exception>
    public static FairnessReportDocument Create(string systemName, string attribute, FairnessReport report, FairnessMonitoringReport? monitoring,
        DateTimeOffset generatedAt, FairnessOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(systemName);
        ArgumentException.ThrowIfNullOrWhiteSpace(attribute);
        ArgumentNullException.ThrowIfNull(report);
        var boot = report.BootstrapIntervals;
        const string noBoot = "no bootstrap intervals were computed";
        const string undefinedParity = "parity needs at least two groups with cases";
        EstimateWithInterval Measure(double value, Func<FairnessBootstrapIntervals, Interval> pick) =>
            boot is { } b ? EstimateWithInterval.Of(value, pick(b), undefinedParity) : EstimateWithInterval.Point(value, noBoot, undefinedParity);
        var r = new Json.NullReasons();
        return new FairnessReportDocument
        {
            SystemName = systemName,
            GeneratedAt = generatedAt,
            Attribute = attribute,
            ReferenceGroup = report.ReferenceGroup,
            ConfidenceLevel = boot?.ConfidenceLevel ?? (options ?? new FairnessOptions()).ConfidenceLevel,
            OverallSelectionRate = EstimateWithInterval.Of(report.Overall.SelectionRate, report.Overall.SelectionRateInterval, "no cases"),
            Groups = [.. report.Groups.OrderByDescending(g => g.Value.Count).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => FairnessGroupRow.From(g.Key, g.Value, report.DisparateImpactRatios.TryGetValue(g.Key, out var di) ? di : double.NaN))],
            DemographicParityDifference = Measure(report.DemographicParityDifference, b => b.DemographicParityDifference),
            EqualizedOddsDifference = Measure(report.EqualizedOddsDifference, b => b.EqualizedOddsDifference),
            EqualOpportunityDifference = Measure(report.EqualOpportunityDifference, b => b.EqualOpportunityDifference),
            DisparateImpactRatio = Measure(report.DisparateImpactRatio, b => b.DisparateImpactRatio),
            SatisfiesFourFifthsRule = report.SatisfiesFourFifthsRule,
            SelectionIndependencePValue = r.Value(report.SelectionIndependencePValue, "selectionIndependencePValue",
                "the chi-squared test needs two groups and both outcomes"),
            Violations = monitoring is null ? null : [.. monitoring.Violations.Select(v => new FairnessViolationRow(v.Metric.ToString(), v.Observed,
                v.Limit, v.Message))],
            ViolationSeverity = monitoring?.ViolationSeverity,
            Warnings = [.. report.Warnings.Concat(monitoring?.Warnings ?? []).Distinct(StringComparer.Ordinal)],
            NullReasons = r.Result,
        };
    }

    private protected override ReportLayout BuildLayout(ReportContext context) => FairnessLayout.Build(this, context);
}
