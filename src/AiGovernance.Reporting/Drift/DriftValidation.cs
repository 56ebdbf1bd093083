using AiGovernance.Monitoring.Validation;

namespace AiGovernance.Reporting.Drift;

/// <summary>A window checked against the schema inferred from the reference.</summary>
/// <param name="Valid">Whether no rule was broken.</param>
/// <param name="Violations">The findings.</param>
public sealed record DriftValidation(bool Valid, IReadOnlyList<DriftViolation> Violations)
{
    /// <summary>Takes a validation report.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The validation as a report shows it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static DriftValidation From(ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new DriftValidation(report.IsValid, [.. report.Violations.Select(v => new DriftViolation(v.Rule.ToString(), v.Column, v.Message))]);
    }
}
