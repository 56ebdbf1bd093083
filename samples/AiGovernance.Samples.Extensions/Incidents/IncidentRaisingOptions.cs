using AiGovernance.Core;
using AiGovernance.Oversight.Analysis;

namespace AiGovernance.Samples.Extensions.Incidents;

/// <summary>Which findings become serious-incident records for a person to assess.</summary>
public sealed class IncidentRaisingOptions
{
    /// <summary>The lowest drift severity that raises a record.</summary>
    /// <value>The default value is <see cref="Severity.Critical"/>.</value>
    public Severity MinimumDriftSeverity { get; set; } = Severity.Critical;

    /// <summary>The oversight warnings that raise a record: signs that decisions reached people unchecked.</summary>
    /// <value>The default value is audit error rate, deference to the AI and automation bias.</value>
    public IList<OversightWarningKind> OversightWarningKinds { get; } =
        [OversightWarningKind.AuditErrorRate, OversightWarningKind.DeferenceToAi, OversightWarningKind.AutomationBias];
}
