using AiGovernance.Core;

namespace AiGovernance.Monitoring.Validation;

/// <summary>Thrown by <see cref="DataSchema.EnsureValid"/> when data breaks its schema, so a pipeline pauses instead of
/// training or scoring on bad data.</summary>
public sealed class DataQualityException : AiGovernanceException
{
    /// <summary>Creates the exception from a failed report.</summary>
    /// <param name="report">The validation report listing every violation.</param>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public DataQualityException(ValidationReport report)
        : base(Describe(report))
    {
        Report = report;
    }

    /// <summary>The report listing every violation.</summary>
    public ValidationReport Report { get; }

    private static string Describe(ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var first = report.Violations.Count > 0 ? " First: " + report.Violations[0].Message : string.Empty;
        return $"The data broke its schema with {report.Violations.Count} violation(s).{first}";
    }
}
