using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Monitoring.Trends;
using AiGovernance.Monitoring.Vendors;
using Microsoft.Extensions.Options;

namespace AiGovernance.Monitoring;

/// <summary>Everything <c>AddDriftMonitoring</c> configures, bindable from a configuration section such as
/// <c>"AiGovernance:Monitoring"</c>.</summary>
/// <remarks>Validated at start-up: ranges by attribute, cross-field rules (ordered thresholds, non-negative cool-down,
/// positive windows) by an <see cref="IValidateOptions{TOptions}"/>.</remarks>
public sealed class DriftMonitoringOptions
{
    /// <summary>Data drift: method choice, thresholds, correction, dataset share and parallelism.</summary>
    [ValidateObjectMembers]
    public DataDriftOptions DataDrift { get; set; } = new();

    /// <summary>Prediction drift thresholds.</summary>
    [ValidateObjectMembers]
    public PredictionDriftOptions PredictionDrift { get; set; } = new();

    /// <summary>Severity thresholds for PSI and performance degradation.</summary>
    [ValidateObjectMembers]
    public DriftSeverityOptions Severity { get; set; } = new();

    /// <summary>Drift response dispatch (cool-down, actor).</summary>
    [ValidateObjectMembers]
    public DriftResponseOptions Response { get; set; } = new();

    /// <summary>Concept drift and trend detection.</summary>
    [ValidateObjectMembers]
    public ConceptDriftOptions ConceptDrift { get; set; } = new();

    /// <summary>Vendor SLA judgement for monitors created through <see cref="VendorMonitorFactory"/>.</summary>
    [ValidateObjectMembers]
    public VendorSlaOptions VendorSla { get; set; } = new();
}
