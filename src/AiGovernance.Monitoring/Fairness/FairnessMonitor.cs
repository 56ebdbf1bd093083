using System.Globalization;
using AiGovernance.Shared;
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
    /// <param name="metricOptions">Options for
    /// <see cref="FairnessMetrics.Compute(ReadOnlySpan{bool}, ReadOnlySpan{bool}, ReadOnlySpan{string}, FairnessOptions?)"/>; defaults when
    /// <see langword="null"/>.</param>
    /// <param name="timeProvider">Stamps reports; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A limit is outside [0, 1] (named <paramref name="limits"/>; the message lists every
    /// one).</exception>
    /// <exception cref="ArgumentOutOfRangeException">(Named <paramref name="metricOptions"/>) a metric option is outside the
    /// range its <see cref="FairnessOptions"/> property documents.</exception>
    public FairnessMonitor(FairnessLimits? limits = null, FairnessOptions? metricOptions = null, TimeProvider? timeProvider = null)
    {
        limits ??= new FairnessLimits();
        OptionsGuard.ThrowIfInvalid(limits, nameof(limits), FairnessLimitsValidator.Instance);

        if (metricOptions is not null)
        {
            ValidateMetricOptions(metricOptions);
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
    /// <exception cref="ArgumentException">The attribute is empty, the inputs are empty or of different lengths, a group is
    /// null, or the configured reference group does not occur in <paramref name="groups"/> (each names its parameter).</exception>
    public FairnessMonitoringReport Evaluate(string attribute, ReadOnlySpan<bool> actual, ReadOnlySpan<bool> predicted, ReadOnlySpan<string> groups)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(attribute);

        // Checked here so exceptions name this method's parameters rather than FairnessMetrics.Compute's.
        if (actual.IsEmpty)
        {
            throw new ArgumentException("There are no rows.", nameof(actual));
        }

        if (predicted.Length != actual.Length)
        {
            throw new ArgumentException($"predicted has {predicted.Length} rows but actual has {actual.Length}.", nameof(predicted));
        }

        if (groups.Length != actual.Length)
        {
            throw new ArgumentException($"groups has {groups.Length} rows but actual has {actual.Length}.", nameof(groups));
        }

        FairnessReport report;
        try
        {
            report = FairnessMetrics.Compute(actual, predicted, groups, _metricOptions);
        }
        catch (ArgumentException e) when (e.ParamName == "options")
        {
            // The options were checked at construction; what remains is a reference group absent from these groups.
            throw new ArgumentException(e.Message, nameof(groups), e);
        }

        var violations = new List<FairnessViolation>();
        if (report.IsParityDefined)
        {
            if (report.DemographicParityDifference > _limits.MaxDemographicParityDifference)
            {
                violations.Add(new FairnessViolation(FairnessMetric.DemographicParityDifference, report.DemographicParityDifference,
                    _limits.MaxDemographicParityDifference,
                    Invariant($"Demographic parity difference for '{UntrustedText.Bound(attribute)}' is {report.DemographicParityDifference:F3} > ") +
                        Invariant($"{_limits.MaxDemographicParityDifference:F3}.")));
            }

            if (report.EqualizedOddsDifference > _limits.MaxEqualizedOddsDifference)
            {
                violations.Add(new FairnessViolation(FairnessMetric.EqualizedOddsDifference, report.EqualizedOddsDifference,
                    _limits.MaxEqualizedOddsDifference,
                    Invariant($"Equalized odds difference for '{UntrustedText.Bound(attribute)}' is {report.EqualizedOddsDifference:F3} > ") +
                        Invariant($"{_limits.MaxEqualizedOddsDifference:F3}.")));
            }

            if (report.DisparateImpactRatio < _limits.MinDisparateImpactRatio)
            {
                violations.Add(new FairnessViolation(FairnessMetric.DisparateImpactRatio, report.DisparateImpactRatio,
                    _limits.MinDisparateImpactRatio,
                    Invariant($"Disparate impact ratio for '{UntrustedText.Bound(attribute)}' is {report.DisparateImpactRatio:F3} < ") +
                        Invariant($"{_limits.MinDisparateImpactRatio:F3} (reference group '{UntrustedText.Bound(report.ReferenceGroup)}').")));
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

    /// <summary>Runs the generated validator of the <see cref="FairnessOptions"/> properties' <c>[Range]</c> attributes when
    /// the monitor is built, so a misconfiguration fails at start-up rather than at every evaluation.</summary>
    private static void ValidateMetricOptions(FairnessOptions metricOptions)
    {
        var result = FairnessOptionsValidator.Instance.Validate(Microsoft.Extensions.Options.Options.DefaultName, metricOptions);
        if (result.Failed)
        {
            throw new ArgumentOutOfRangeException(nameof(metricOptions), "Invalid FairnessOptions: " + result.FailureMessage);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
