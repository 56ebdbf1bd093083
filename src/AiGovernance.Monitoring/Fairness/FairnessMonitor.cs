using System.Globalization;
using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.Fairness;

/// <summary>Produces periodic fairness reports over labelled production decisions and flags broken limits, so a
/// violation travels through the same <see cref="Responses.DriftResponseWorkflow"/> as drift
/// (<see cref="FairnessMonitoringReport.ToDriftEvent"/>).</summary>
/// <remarks>The measures are the Statistics package's <see cref="FairnessMetrics"/> (Fairlearn definitions). A limit is
/// broken when the difference exceeds its maximum or the disparate-impact ratio falls below its minimum; with fewer than two
/// groups parity is undefined and nothing is flagged (a warning says so). Thread-safe.</remarks>
public sealed class FairnessMonitor
{
    private readonly FairnessLimits _limits;
    private readonly FairnessOptions? _metricOptions;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a monitor.</summary>
    /// <param name="limits">The limits; defaults when <see langword="null"/>.</param>
    /// <param name="metricOptions">Options for <see cref="FairnessMetrics.Compute(ReadOnlySpan{bool}, ReadOnlySpan{bool}, ReadOnlySpan{string}, FairnessOptions?)"/>; defaults when <see langword="null"/>.</param>
    /// <param name="timeProvider">Stamps reports; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A limit is outside [0, 1].</exception>
    public FairnessMonitor(FairnessLimits? limits = null, FairnessOptions? metricOptions = null, TimeProvider? timeProvider = null)
    {
        limits ??= new FairnessLimits();
        if (!(limits.MaxDemographicParityDifference is >= 0 and <= 1) || !(limits.MaxEqualizedOddsDifference is >= 0 and <= 1) || !(limits.MinDisparateImpactRatio is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(limits), "Fairness limits must be in [0, 1].");
        }

        _limits = limits;
        _metricOptions = metricOptions;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Evaluates one period of labelled decisions.</summary>
    /// <param name="attribute">The sensitive attribute's name.</param>
    /// <param name="actual">Actual outcomes.</param>
    /// <param name="predicted">Decisions (true = selected).</param>
    /// <param name="groups">Each row's group for <paramref name="attribute"/>.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException">The attribute is empty, or the inputs are empty or of different lengths.</exception>
    public FairnessMonitoringReport Evaluate(string attribute, ReadOnlySpan<bool> actual, ReadOnlySpan<bool> predicted, ReadOnlySpan<string> groups)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(attribute);
        var report = FairnessMetrics.Compute(actual, predicted, groups, _metricOptions);
        var violations = new List<FairnessViolation>();
        if (report.IsParityDefined)
        {
            if (report.DemographicParityDifference > _limits.MaxDemographicParityDifference)
            {
                violations.Add(new FairnessViolation(FairnessMetric.DemographicParityDifference, report.DemographicParityDifference, _limits.MaxDemographicParityDifference,
                    Invariant($"Demographic parity difference for '{attribute}' is {report.DemographicParityDifference:F3} > {_limits.MaxDemographicParityDifference:F3}.")));
            }

            if (report.EqualizedOddsDifference > _limits.MaxEqualizedOddsDifference)
            {
                violations.Add(new FairnessViolation(FairnessMetric.EqualizedOddsDifference, report.EqualizedOddsDifference, _limits.MaxEqualizedOddsDifference,
                    Invariant($"Equalized odds difference for '{attribute}' is {report.EqualizedOddsDifference:F3} > {_limits.MaxEqualizedOddsDifference:F3}.")));
            }

            if (report.DisparateImpactRatio < _limits.MinDisparateImpactRatio)
            {
                violations.Add(new FairnessViolation(FairnessMetric.DisparateImpactRatio, report.DisparateImpactRatio, _limits.MinDisparateImpactRatio,
                    Invariant($"Disparate impact ratio for '{attribute}' is {report.DisparateImpactRatio:F3} < {_limits.MinDisparateImpactRatio:F3} (reference group '{report.ReferenceGroup}').")));
            }
        }

        var rates = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (group, groupRates) in report.Groups)
        {
            rates[group] = groupRates.SelectionRate;
        }

        return new FairnessMonitoringReport
        {
            GeneratedAt = _timeProvider.GetUtcNow(),
            Attribute = attribute,
            RowCount = actual.Length,
            SelectionRates = rates,
            ReferenceGroup = report.ReferenceGroup,
            DemographicParityDifference = report.DemographicParityDifference,
            EqualizedOddsDifference = report.EqualizedOddsDifference,
            DisparateImpactRatio = report.DisparateImpactRatio,
            SelectionIndependencePValue = report.SelectionIndependencePValue,
            Violations = violations,
            Warnings = [.. report.Warnings],
            ViolationSeverity = _limits.ViolationSeverity,
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
