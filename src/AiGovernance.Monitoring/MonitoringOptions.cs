using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Monitoring.Trends;
using AiGovernance.Monitoring.VendorSla;
using Microsoft.Extensions.Options;

namespace AiGovernance.Monitoring;

/// <summary>Everything <c>AddMonitoring</c> configures, bindable from a configuration section such as
/// <c>"AiGovernance:Monitoring"</c>.</summary>
/// <remarks>Validated at start-up: ranges by attribute (<see cref="MonitoringOptionsValidator"/>, generated), cross-field
/// rules (ordered thresholds, a handler timeout that is positive or infinite) by <see cref="MonitoringOptionsCustomValidator"/>.
/// The components built from each part outside DI run the same validators.</remarks>
public sealed class MonitoringOptions
{
    /// <summary>Data drift: method choice, thresholds, correction, dataset share and parallelism.</summary>
    /// <value>The default value is a <see cref="DataDriftOptions"/> with its defaults.</value>
    [ValidateObjectMembers(typeof(DataDriftOptionsValidator))]
    public DataDriftOptions DataDrift { get; set; } = new();

    /// <summary>Prediction drift thresholds.</summary>
    /// <value>The default value is a <see cref="PredictionDriftOptions"/> with its defaults.</value>
    [ValidateObjectMembers(typeof(PredictionDriftOptionsValidator))]
    public PredictionDriftOptions PredictionDrift { get; set; } = new();

    /// <summary>Severity thresholds for PSI and performance degradation.</summary>
    /// <value>The default value is a <see cref="DriftSeverityOptions"/> with its defaults.</value>
    [ValidateObjectMembers(typeof(DriftSeverityOptionsValidator))]
    public DriftSeverityOptions Severity { get; set; } = new();

    /// <summary>Drift response dispatch (cool-down, handler timeout, actor).</summary>
    /// <value>The default value is a <see cref="DriftResponseOptions"/> with its defaults.</value>
    [ValidateObjectMembers(typeof(DriftResponseOptionsValidator))]
    public DriftResponseOptions Response { get; set; } = new();

    /// <summary>Concept drift and trend detection.</summary>
    /// <value>The default value is a <see cref="ConceptDriftOptions"/> with its defaults.</value>
    [ValidateObjectMembers(typeof(ConceptDriftOptionsValidator))]
    public ConceptDriftOptions ConceptDrift { get; set; } = new();

    /// <summary>Vendor SLA judgement for monitors created through <see cref="VendorMonitorFactory"/>.</summary>
    /// <value>The default value is a <see cref="VendorSlaOptions"/> with its defaults.</value>
    [ValidateObjectMembers(typeof(VendorSlaOptionsValidator))]
    public VendorSlaOptions VendorSla { get; set; } = new();
}
